using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// Moves a file over another in one step where the server can (RENAME with <c>renameoptions=OVERWRITE</c> on a
/// NameNode), and through a hidden backup where it cannot (HttpFS drops the option and answers false).
/// </summary>
/// <remarks>
/// The backup way never loses the destination's data: first the old destination is renamed to
/// <c>.&lt;name&gt;.proxythreat-backup</c> in the same folder, then the source to the destination, then the backup is
/// deleted. Renames are atomic in HDFS, so at every moment the old data is readable under the destination or the
/// backup name, and the new data under the source or the destination; the backup's hidden name keeps Hive and
/// Impala from counting it twice. If the process dies between the steps, <see cref="RecoverFolderAsync"/> (which
/// the writer runs on a partition before writing to it) and the next rename to the same destination find the
/// backup: with no destination they put the backup back; with a destination (the swap was done) they delete the
/// stale backup.
/// </remarks>
internal sealed class ReplacingRename
{
    /// <summary>
    /// The suffix of the hidden name (<c>.&lt;name&gt;.proxythreat-backup</c>) a destination is moved to while a rename
    /// replaces it on a gateway that cannot replace in one step. Hive and Impala skip names starting with '.'.
    /// </summary>
    private const string BackupSuffix = ".proxythreat-backup";

    private readonly WebHdfsNamespace _namespace;
    private readonly ILogger _logger;

    public ReplacingRename(WebHdfsNamespace @namespace, ILogger logger)
    {
        _namespace = @namespace;
        _logger = logger;
    }

    public static string BackupOf(string destination) =>
        HdfsPath.Combine(HdfsPath.Parent(destination), "." + HdfsPath.Name(destination) + BackupSuffix);

    public async Task RenameAsync(string source, string destination, CancellationToken cancellationToken)
    {
        var backup = BackupOf(destination);
        await RecoverAsync(destination, backup, cancellationToken);

        // The source's length lets a rename whose answer was lost be judged by the state it left.
        if (await _namespace.GetStatusAsync(source, cancellationToken) is not { IsDirectory: false } moving)
        {
            throw Failure(source, destination, "the source does not exist");
        }

        // Without OVERWRITE an existing directory would swallow the source (HDFS moves a file into it); refuse instead.
        var target = await _namespace.GetStatusAsync(destination, cancellationToken);
        if (target is { IsDirectory: true })
        {
            throw Failure(source, destination, "the destination is a directory");
        }

        await _namespace.MkdirsAsync(HdfsPath.Parent(destination), cancellationToken);
        if (await _namespace.RenameAsync(source, moving, destination, overwrite: true, cancellationToken))
        {
            return;
        }

        // False: the server did not replace. Either the source went missing, or the server ignored OVERWRITE.
        if (await _namespace.GetStatusAsync(source, cancellationToken) is null)
        {
            throw Failure(source, destination, "the source does not exist (the server answered false)");
        }

        if (await _namespace.GetStatusAsync(destination, cancellationToken) is not { IsDirectory: false } replaced)
        {
            throw Failure(source, destination, "the server answered false and moved nothing");
        }

        await ReplaceThroughBackupAsync(source, moving, destination, replaced, backup, cancellationToken);
    }

    /// <summary>Puts back, or removes, every backup an interrupted rename left in a folder.</summary>
    public async Task RecoverFolderAsync(string directory, IEnumerable<FileStatus> children, CancellationToken cancellationToken)
    {
        foreach (var child in children)
        {
            var name = child.PathSuffix;
            if (!child.IsDirectory && name.Length > 1 + BackupSuffix.Length
                && name.StartsWith('.') && name.EndsWith(BackupSuffix, StringComparison.Ordinal))
            {
                var destination = HdfsPath.Combine(directory, name[1..^BackupSuffix.Length]);
                await RecoverAsync(destination, HdfsPath.Combine(directory, name), cancellationToken);
            }
        }
    }

    private async Task ReplaceThroughBackupAsync(
        string source, FileStatus moving, string destination, FileStatus replaced, string backup, CancellationToken cancellationToken)
    {
        Log.WebHdfsReplacingThroughBackup(_logger, destination, backup);
        if (!await _namespace.RenameAsync(destination, replaced, backup, overwrite: false, cancellationToken))
        {
            throw Failure(destination, backup, "the server answered false and moved nothing");
        }

        try
        {
            if (!await _namespace.RenameAsync(source, moving, destination, overwrite: false, cancellationToken))
            {
                throw Failure(source, destination, "the server answered false and moved nothing");
            }
        }
        catch
        {
            // Put the old file back even when cancelled; if that fails too, the next write to the folder restores it.
            try
            {
                await _namespace.RenameAsync(backup, replaced, destination, overwrite: false, CancellationToken.None);
            }
            catch (WebHdfsException restore)
            {
                Log.WebHdfsRestoreFailed(_logger, restore, destination, backup);
            }

            throw;
        }

        try
        {
            await _namespace.DeleteAsync(backup, cancellationToken);
        }
        catch (WebHdfsException e)
        {
            // The new file is in place; a leftover backup is hidden from readers and removed by the next rename.
            Log.WebHdfsBackupLeftBehind(_logger, e, destination, backup);
        }
    }

    private async Task RecoverAsync(string destination, string backup, CancellationToken cancellationToken)
    {
        if (await _namespace.GetStatusAsync(backup, cancellationToken) is not { IsDirectory: false } kept)
        {
            return;
        }

        if (await _namespace.GetStatusAsync(destination, cancellationToken) is null)
        {
            if (!await _namespace.RenameAsync(backup, kept, destination, overwrite: false, cancellationToken))
            {
                throw Failure(backup, destination, "could not restore the backup an interrupted rename left");
            }

            Log.WebHdfsRestoredBackup(_logger, destination, backup);
        }
        else
        {
            await _namespace.DeleteAsync(backup, cancellationToken);
            Log.WebHdfsRemovedStaleBackup(_logger, destination, backup);
        }
    }

    private static WebHdfsException Failure(string source, string destination, string reason) =>
        new WebHdfsFailure("RENAME", source, destination, null, null, null, reason, IsTransient: false).ToException();
}
