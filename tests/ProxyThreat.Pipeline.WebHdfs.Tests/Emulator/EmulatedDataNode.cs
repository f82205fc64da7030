using Microsoft.AspNetCore.Http;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>The DataNode the NameNode redirects CREATE and OPEN to; it can drop a transfer half way.</summary>
internal sealed class EmulatedDataNode
{
    private readonly WebHdfsEmulator _cluster;

    public EmulatedDataNode(WebHdfsEmulator cluster)
    {
        _cluster = cluster;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = WebHdfsEmulator.HdfsPathOf(context);
        var local = _cluster.Local(path);
        switch (context.Request.Query["op"].ToString())
        {
            case "CREATE":
                await CreateAsync(context, path, local);
                break;
            case "OPEN":
                await _cluster.SendFileAsync(context, local, _cluster.Record(context, 0));
                break;
            default:
                _cluster.Record(context, 0);
                context.Response.StatusCode = 400;
                break;
        }
    }

    // How much of a body of unknown length (a chunked upload) arrives before a fault cuts it.
    private const int PartOfUnknownLength = 32 * 1024;

    private async Task CreateAsync(HttpContext context, string path, string local)
    {
        var length = context.Request.ContentLength ?? 0;
        var part = context.Request.ContentLength is { } known ? known / 2 : PartOfUnknownLength;
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        var fault = _cluster.TakeUploadDrop() ? EmulatedFault.Drop : _cluster.TakeUploadStall() ? EmulatedFault.Stall : _cluster.FaultOf(new EmulatedCall(
            $"127.0.0.1:{context.Connection.LocalPort}", context.Request.Method, "CREATE", path, null, context.Request.QueryString.Value ?? "", length));
        if (fault == EmulatedFault.Drop)
        {
            // Keep what arrived, as a half-written block would, and drop the connection mid-body.
            var half = new byte[part];
            var arrived = await context.Request.Body.ReadAtLeastAsync(half, half.Length, throwOnEndOfStream: false);
            await File.WriteAllBytesAsync(local, half.AsMemory(0, arrived).ToArray());
            _cluster.UnderConstruction[path] = true;
            _cluster.Record(context, arrived);
            context.Abort();
            return;
        }

        if (fault == EmulatedFault.Stall)
        {
            // Take a part, then stop reading and answering: the client's writes block once the buffers are full.
            var half = new byte[part];
            _cluster.Record(context, await context.Request.Body.ReadAtLeastAsync(half, half.Length, throwOnEndOfStream: false));
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        _cluster.Record(context, body.Length);
        if (_cluster.QuotaExceededFor?.Invoke(path) == true)
        {
            await Answers.RemoteAsync(context, 403, "DSQuotaExceededException", $"The DiskSpace quota of {Path.GetDirectoryName(path)} is exceeded: quota = 1024 B = 1 KB but diskspace consumed = 402653184 B = 384 MB", "org.apache.hadoop.hdfs.protocol");
            return;
        }

        await File.WriteAllBytesAsync(local, body.ToArray());
        context.Response.StatusCode = 201;
        context.Response.Headers.Location = $"hdfs://localhost:8020{path}";
    }
}
