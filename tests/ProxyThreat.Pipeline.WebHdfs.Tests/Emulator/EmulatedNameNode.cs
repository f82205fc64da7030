using Microsoft.AspNetCore.Http;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>The active NameNode, or an HttpFS gateway: namespace calls, redirects (or inline bodies) for CREATE and OPEN.</summary>
internal sealed class EmulatedNameNode
{
    private readonly WebHdfsEmulator _cluster;

    public EmulatedNameNode(WebHdfsEmulator cluster)
    {
        _cluster = cluster;
    }

    public async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var call = _cluster.Record(context, body.Length);
        var query = context.Request.Query;
        _cluster.BeforeCall?.Invoke(call);
        var fault = _cluster.FaultOf(call);

        if (_cluster.DownWhile?.Invoke() == true || fault == EmulatedFault.Drop)
        {
            context.Abort();
        }
        else if (_cluster.RequiredToken is { } token && query["delegation"] != token)
        {
            await Answers.RemoteAsync(
                context,
                401,
                "SecurityException",
                "Failed to obtain user group information: org.apache.hadoop.security.token.SecretManager$InvalidToken: token (HDFS_DELEGATION_TOKEN token 7 for spot) is expired",
                "java.lang");
        }
        else if (_cluster.TakeFailure() || fault == EmulatedFault.Status500)
        {
            context.Response.StatusCode = 500;
        }
        else if (_cluster.TakeRetriable())
        {
            await Answers.RemoteAsync(context, 403, "RetriableException", "org.apache.hadoop.hdfs.server.namenode.SafeModeException: Cannot complete the operation. Name node is in safe mode. The reported blocks 0 needs additional 12 blocks to reach the threshold 0.9990 of total blocks 12.", "org.apache.hadoop.ipc");
        }
        else if (_cluster.TakeSafeMode() || fault == EmulatedFault.SafeMode)
        {
            await Answers.RemoteAsync(context, 403, "SafeModeException", $"Cannot {call.Operation} {call.Path}. Name node is in safe mode.", "org.apache.hadoop.hdfs.server.namenode");
        }
        else if (_cluster.DenyWhen?.Invoke(call) == true)
        {
            await Answers.DeniedAsync(context, call.Path);
        }
        else if (_cluster.LoseAnswerWhen?.Invoke(call) == true || fault == EmulatedFault.LoseAnswer)
        {
            // Carry the call out into a response nobody sees, then drop the connection.
            var answer = context.Response.Body;
            context.Response.Body = Stream.Null;
            await DispatchAsync(context, call, body.ToArray());
            context.Response.Body = answer;
            context.Abort();
        }
        else
        {
            await DispatchAsync(context, call, body.ToArray());
        }
    }

    private async Task DispatchAsync(HttpContext context, EmulatedCall call, byte[] body)
    {
        var local = _cluster.Local(call.Path);
        switch (call.Operation)
        {
            case "GETFILESTATUS":
                await (Info(local) is { } info
                    ? Answers.JsonAsync(context, 200, new { FileStatus = Answers.Status(info, "") })
                    : Answers.NotFoundAsync(context, $"File does not exist: {call.Path}"));
                break;
            case "LISTSTATUS":
                await ListAsync(context, call, local);
                break;
            case "MKDIRS":
                await MkdirsAsync(context, call, local);
                break;
            case "CREATE":
                await CreateAsync(context, call, local, body);
                break;
            case "OPEN":
                await OpenAsync(context, call, local);
                break;
            case "RENAME":
                await RenameAsync(context, call, local);
                break;
            case "DELETE":
                await DeleteAsync(context, call, local);
                break;
            default:
                await Answers.RemoteAsync(context, 400, "IllegalArgumentException", $"Invalid value for webhdfs parameter \"op\": {call.Operation}", "java.lang");
                break;
        }
    }

    private static async Task ListAsync(HttpContext context, EmulatedCall call, string local)
    {
        var statuses = Info(local) switch
        {
            DirectoryInfo directory => directory.EnumerateFileSystemInfos().Select(i => Answers.Status(i, i.Name)).ToArray(),
            FileInfo file => [Answers.Status(file, "")],
            _ => null,
        };
        await (statuses is null
            ? Answers.NotFoundAsync(context, $"File {call.Path} does not exist.")
            : Answers.JsonAsync(context, 200, new { FileStatuses = new { FileStatus = statuses } }));
    }

    private static async Task MkdirsAsync(HttpContext context, EmulatedCall call, string local)
    {
        try
        {
            Directory.CreateDirectory(local);
            await Answers.BooleanAsync(context, true);
        }
        catch (IOException)
        {
            await Answers.RemoteAsync(context, 403, "ParentNotDirectoryException", $"Parent path is not a directory: {call.Path}", "org.apache.hadoop.fs");
        }
    }

    private async Task CreateAsync(HttpContext context, EmulatedCall call, string local, byte[] body)
    {
        if (Directory.Exists(local))
        {
            await Answers.RemoteAsync(context, 403, "FileAlreadyExistsException", $"{call.Path} already exists as a directory", "org.apache.hadoop.fs");
            return;
        }

        if (_cluster.UnderConstruction.ContainsKey(call.Path))
        {
            await Answers.RemoteAsync(context, 403, "FileAlreadyExistsException", $"{call.Path} for client 127.0.0.1 already exists", "org.apache.hadoop.fs");
            return;
        }

        if (File.Exists(local) && context.Request.Query["overwrite"] != "true")
        {
            await Answers.RemoteAsync(context, 403, "FileAlreadyExistsException", $"{call.Path} for client 127.0.0.1 already exists", "org.apache.hadoop.fs");
            return;
        }

        if (!_cluster.HttpFs)
        {
            Redirect(context, call, "CREATE");
            return;
        }

        if (context.Request.Query["data"] != "true" || context.Request.ContentType != "application/octet-stream")
        {
            await Answers.RemoteAsync(context, 400, "IllegalArgumentException", "Data upload requests must have content-type set to 'application/octet-stream' and data=true", "java.lang");
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllBytesAsync(local, body);
        context.Response.StatusCode = 201;
    }

    private async Task OpenAsync(HttpContext context, EmulatedCall call, string local)
    {
        if (!File.Exists(local))
        {
            await Answers.NotFoundAsync(context, Directory.Exists(local) ? $"Path is not a file: {call.Path}" : $"File does not exist: {call.Path}");
        }
        else if (!_cluster.HttpFs)
        {
            Redirect(context, call, "OPEN");
        }
        else
        {
            await _cluster.SendFileAsync(context, local, call);
        }
    }

    /// <summary>RENAME as HDFS does it: see FORMATS.md section 5.</summary>
    private async Task RenameAsync(HttpContext context, EmulatedCall call, string local)
    {
        if (call.Destination is not { } destination || !destination.StartsWith('/'))
        {
            await Answers.RemoteAsync(context, 400, "IllegalArgumentException", "Invalid value for webhdfs parameter \"destination\"", "java.lang");
            return;
        }

        var target = _cluster.Local(destination);
        var overwrite = !_cluster.HttpFs && context.Request.Query["renameoptions"].ToString().Contains("OVERWRITE", StringComparison.Ordinal);
        if (overwrite)
        {
            await RenameOverwritingAsync(context, call, local, target, destination);
            return;
        }

        // The old rename: false when it cannot, and a directory destination takes the source in.
        if (Info(local) is null)
        {
            await Answers.BooleanAsync(context, false);
            return;
        }

        if (Directory.Exists(target))
        {
            target = Path.Join(target, Path.GetFileName(local));
        }

        if (Info(target) is not null || !Directory.Exists(Path.GetDirectoryName(target)))
        {
            await Answers.BooleanAsync(context, false);
            return;
        }

        Move(local, target);
        await Answers.BooleanAsync(context, true);
    }

    private static async Task RenameOverwritingAsync(HttpContext context, EmulatedCall call, string local, string target, string destination)
    {
        if (Info(local) is null)
        {
            await Answers.NotFoundAsync(context, $"rename source {call.Path} is not found.");
        }
        else if (call.Path == destination)
        {
            await Answers.RemoteAsync(context, 403, "FileAlreadyExistsException", $"The source {call.Path} and destination {destination} are the same", "org.apache.hadoop.fs");
        }
        else if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            await Answers.NotFoundAsync(context, $"rename destination parent {Path.GetDirectoryName(destination)} not found.");
        }
        else if (Directory.Exists(target))
        {
            await Answers.RemoteAsync(context, 403, "IOException", $"Source {call.Path} and destination {destination} must both be directories");
        }
        else
        {
            File.Move(local, target, overwrite: true);
            context.Response.StatusCode = 200;
        }
    }

    private async Task DeleteAsync(HttpContext context, EmulatedCall call, string local)
    {
        switch (Info(local))
        {
            case null:
                await Answers.BooleanAsync(context, false);
                break;
            case DirectoryInfo directory when directory.EnumerateFileSystemInfos().Any() && context.Request.Query["recursive"] != "true":
                await Answers.RemoteAsync(context, 403, "PathIsNotEmptyDirectoryException", $"`{call.Path} is non empty': Directory is not empty", "org.apache.hadoop.fs");
                break;
            case DirectoryInfo directory:
                directory.Delete(recursive: true);
                await Answers.BooleanAsync(context, true);
                break;
            default:
                File.Delete(local);
                _cluster.UnderConstruction.TryRemove(call.Path, out _);
                await Answers.BooleanAsync(context, true);
                break;
        }
    }

    private void Redirect(HttpContext context, EmulatedCall call, string operation)
    {
        var encoded = string.Join('/', call.Path.Split('/').Select(Uri.EscapeDataString));
        var delegation = context.Request.Query["delegation"].ToString();
        var dataNode = _cluster.TakeRedirectRefusal() ? WebHdfsEmulator.RefusingAddress() : _cluster.DataNode;
        var location = $"{dataNode.GetLeftPart(UriPartial.Authority)}/webhdfs/v1{encoded}?op={operation}&namenoderpcaddress=localhost:8020&overwrite=true"
            + (delegation.Length > 0 ? $"&delegation={Uri.EscapeDataString(delegation)}" : "");
        context.Response.StatusCode = 307;
        context.Response.Headers.Location = location;
    }

    private static FileSystemInfo? Info(string local) =>
        Directory.Exists(local) ? new DirectoryInfo(local) : File.Exists(local) ? new FileInfo(local) : null;

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }
}
