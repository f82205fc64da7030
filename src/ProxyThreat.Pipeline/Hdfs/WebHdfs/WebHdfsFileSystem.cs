using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>HDFS through WebHDFS REST calls to NameNodes (with DataNode redirects) or to an HttpFS gateway.</summary>
public sealed class WebHdfsFileSystem : IHdfs, IDisposable
{
    private readonly WebHdfsClient _client;
    private readonly WebHdfsNamespace _namespace;
    private readonly ReplacingRename _rename;
    private readonly bool _httpFs;

    /// <param name="options">Checked with <see cref="WebHdfsOptionsValidator"/>; throws <see cref="OptionsValidationException"/> if bad.</param>
    /// <param name="logger">Defaults to no logging.</param>
    /// <param name="timeProvider">Clock of the retry backoff; defaults to the system's.</param>
    /// <param name="handler">
    /// An HTTP handler to use instead of the one built from the options (Kerberos, CA bundle); it must not follow
    /// redirects itself. The caller keeps ownership.
    /// </param>
    public WebHdfsFileSystem(
        WebHdfsOptions options,
        ILogger<WebHdfsFileSystem>? logger = null,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new WebHdfsOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(WebHdfsOptions.Section, typeof(WebHdfsOptions), validation.Failures);
        }

        var log = (ILogger?)logger ?? NullLogger.Instance;
        _client = new WebHdfsClient(options, handler ?? HandlerFactory.Create(options), disposeHandler: handler is null, log, timeProvider ?? TimeProvider.System);
        _namespace = new WebHdfsNamespace(_client, log);
        _rename = new ReplacingRename(_namespace, log);
        _httpFs = options.Gateway == WebHdfsGateway.HttpFs;
    }

    public string Describe(string path)
    {
        var nameNode = _client.ActiveNameNode;
        var scheme = nameNode.Scheme == Uri.UriSchemeHttps ? "swebhdfs" : "webhdfs";
        return $"{scheme}://{nameNode.Authority}{HdfsPath.Normalize(path)}";
    }

    public async Task<IReadOnlyList<HdfsEntry>> ListAsync(string directory, CancellationToken cancellationToken)
    {
        directory = HdfsPath.Normalize(directory);
        var children = await _namespace.ListAsync(directory, cancellationToken);

        // A missing directory has no children. A file lists as itself with an empty suffix: like a local file, it has none.
        return children is null || children.Any(c => c.PathSuffix.Length == 0)
            ? []
            : children
                .Select(c => new HdfsEntry(HdfsPath.Combine(directory, c.PathSuffix), c.PathSuffix, c.IsDirectory, c.IsDirectory ? 0 : c.Length))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
    }

    public async Task<HdfsEntry?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        path = HdfsPath.Normalize(path);
        return await _namespace.GetStatusAsync(path, cancellationToken) is { } status
            ? new HdfsEntry(path, HdfsPath.Name(path), status.IsDirectory, status.IsDirectory ? 0 : status.Length)
            : null;
    }

    /// <summary>
    /// Downloads the file into a temporary file that is deleted when the stream is closed: readers such as Parquet's
    /// need to seek, and a download that breaks off or stalls is tried again whole.
    /// </summary>
    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("OPEN", HdfsPath.Normalize(path), HttpMethod.Get) { StreamAnswer = true };
        return _client.RetryAsync(
            call,
            async ct =>
            {
                var local = new FileStream(
                    Path.Join(Path.GetTempPath(), $"proxythreat-webhdfs-{Guid.NewGuid():N}"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    using var answer = await _client.SendAsync(call, ct);
                    using var data = answer.IsRedirect ? await _client.FollowAsync(call, answer, null, ct) : null;
                    await _client.CopyBodyAsync(call, data ?? answer, local, ct);
                    local.Position = 0;
                    return (Stream)local;
                }
                catch
                {
                    await local.DisposeAsync();
                    throw;
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// CREATE with overwrite, the body streamed (chunked) to the DataNode, or to an HttpFS gateway, as it is
    /// written; HDFS creates the parent directories itself.
    /// </summary>
    public Task CreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var call = _httpFs
            ? new WebHdfsCall("CREATE", HdfsPath.Normalize(path), HttpMethod.Put)
            {
                Parameters = [new("overwrite", "true"), new("data", "true")],
                Body = write,
            }
            : new WebHdfsCall("CREATE", HdfsPath.Normalize(path), HttpMethod.Put) { Parameters = [new("overwrite", "true")] };
        var tries = 0;
        return _client.RetryAsync(
            call,
            async ct =>
            {
                var retried = ++tries > 1;
                try
                {
                    await CreateOnceAsync(call, write, ct);
                }
                catch (WebHdfsException e) when (retried && e.RemoteException is "FileAlreadyExistsException" or "AlreadyBeingCreatedException")
                {
                    // An earlier try's upload broke off and left the file half-written under its lease; it is ours to replace.
                    await _namespace.DeleteAsync(call.Path, ct);
                    await CreateOnceAsync(call, write, ct);
                }

                return true;
            },
            cancellationToken);
    }

    public Task RenameAsync(string source, string destination, CancellationToken cancellationToken) =>
        _rename.RenameAsync(HdfsPath.Normalize(source), HdfsPath.Normalize(destination), cancellationToken);

    /// <summary>Puts back the backups a rename through a gateway left when it was cut short (see <see cref="RenameAsync"/>).</summary>
    public async Task RecoverAsync(string directory, CancellationToken cancellationToken)
    {
        directory = HdfsPath.Normalize(directory);
        if (await _namespace.ListAsync(directory, cancellationToken) is { } children)
        {
            await _rename.RecoverFolderAsync(directory, children, cancellationToken);
        }
    }

    /// <summary>DELETE, not recursive; a file that is not there answers false, which is fine.</summary>
    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        _namespace.DeleteAsync(HdfsPath.Normalize(path), cancellationToken);

    public void Dispose() => _client.Dispose();

    private async Task CreateOnceAsync(WebHdfsCall call, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        // A DataNode that drops or stalls the upload fails this try; the next one starts again at the NameNode.
        using var answer = await _client.SendAsync(call, cancellationToken);
        if (answer.IsRedirect)
        {
            using var stored = await _client.FollowAsync(call, answer, write, cancellationToken);
        }
        else if (call.Body is null)
        {
            throw WebHdfsFailure.Other(call, answer.StatusCode, "the NameNode did not redirect to a DataNode", transient: false).ToException();
        }
    }
}
