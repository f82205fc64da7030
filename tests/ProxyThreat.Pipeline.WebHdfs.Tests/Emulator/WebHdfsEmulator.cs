using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>
/// A WebHDFS cluster on loopback, backed by a temporary folder standing for <c>/</c>: a NameNode (or an HttpFS
/// gateway) and a DataNode on their own ports, plus optional standby and silent NameNodes, with injectable faults.
/// </summary>
public sealed class WebHdfsEmulator : IAsyncDisposable
{
    private readonly List<WebApplication> _servers = [];
    private int _uploadsToDrop;
    private int _downloadsToDrop;
    private int _failures;
    private int _safeModeCalls;
    private int _retriableCalls;
    private int _downloadsToStall;
    private int _uploadsToStall;
    private int _redirectsToRefuse;

    private readonly X509Certificate2? _certificate;

    private WebHdfsEmulator(bool httpFs, X509Certificate2? certificate)
    {
        HttpFs = httpFs;
        _certificate = certificate;
        Root = Directory.CreateTempSubdirectory("webhdfs-emulator-").FullName;
    }

    /// <summary>The local folder standing for HDFS <c>/</c>.</summary>
    public string Root { get; }

    /// <summary>True: the NameNode acts as an HttpFS gateway (bodies inline, <c>renameoptions</c> dropped).</summary>
    public bool HttpFs { get; }

    public Uri NameNode { get; private set; } = null!;

    public Uri DataNode { get; private set; } = null!;

    /// <summary>Every call any server of the emulator saw, in order.</summary>
    public ConcurrentQueue<EmulatedCall> Calls { get; } = new();

    /// <summary>When set, every NameNode call must authenticate with SPNEGO (Kerberos) through this gate.</summary>
    public SpnegoGate? Spnego { get; set; }

    /// <summary>When set, every call must carry this <c>delegation=</c> token.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Calls for which this answers true are denied with an AccessControlException.</summary>
    public Func<EmulatedCall, bool>? DenyWhen { get; set; }

    /// <summary>DataNode writes to paths for which this answers true fail with a DSQuotaExceededException.</summary>
    public Func<string, bool>? QuotaExceededFor { get; set; }

    /// <summary>The next this many DataNode uploads read half the body, keep it, and drop the connection.</summary>
    public int UploadsToDrop { get => _uploadsToDrop; set => _uploadsToDrop = value; }

    /// <summary>The next this many DataNode downloads send half the file and drop the connection.</summary>
    public int DownloadsToDrop { get => _downloadsToDrop; set => _downloadsToDrop = value; }

    /// <summary>The next this many NameNode calls answer 500 with an empty body.</summary>
    public int Failures { get => _failures; set => _failures = value; }

    /// <summary>The next this many NameNode calls answer a SafeModeException.</summary>
    public int SafeModeCalls { get => _safeModeCalls; set => _safeModeCalls = value; }

    /// <summary>The next this many NameNode calls answer a RetriableException, as a NameNode starting up does.</summary>
    public int RetriableCalls { get => _retriableCalls; set => _retriableCalls = value; }

    /// <summary>The next this many downloads send half the file, then neither send more nor close.</summary>
    public int DownloadsToStall { get => _downloadsToStall; set => _downloadsToStall = value; }

    /// <summary>The next this many DataNode uploads read half the body, then stop reading and never answer.</summary>
    public int UploadsToStall { get => _uploadsToStall; set => _uploadsToStall = value; }

    /// <summary>The next this many CREATE and OPEN redirects name a DataNode that refuses connections.</summary>
    public int RedirectsToRefuse { get => _redirectsToRefuse; set => _redirectsToRefuse = value; }

    /// <summary>When set, downloads send their body in pieces of this many bytes, waiting <see cref="TrickleDelay"/> between them.</summary>
    public int? TrickleBytes { get; set; }

    public TimeSpan TrickleDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>While this answers true, the NameNode drops every connection without an answer, as one restarting does.</summary>
    public Func<bool>? DownWhile { get; set; }

    /// <summary>While this answers true, the NameNode answers every call with a SafeModeException.</summary>
    public Func<bool>? SafeModeWhile { get; set; }

    /// <summary>
    /// NameNode calls for which this answers true are carried out, but their answer is lost: the connection is
    /// dropped before a byte of it is sent.
    /// </summary>
    public Func<EmulatedCall, bool>? LoseAnswerWhen { get; set; }

    /// <summary>
    /// Paths whose upload broke off: the file stays under construction, its lease held, and a CREATE of it is
    /// refused with FileAlreadyExistsException until it is deleted (as a NameNode does before the lease expires).
    /// </summary>
    public ConcurrentDictionary<string, bool> UnderConstruction { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, chooses a fault for every call a NameNode or DataNode of the emulator takes (for soak tests).</summary>
    public Func<EmulatedCall, EmulatedFault>? FaultFor { get; set; }

    /// <summary>Called with each NameNode call before it is carried out (e.g. to kill a client at a chosen moment).</summary>
    public Action<EmulatedCall>? BeforeCall { get; set; }

    public IEnumerable<EmulatedCall> CallsTo(Uri server) => Calls.Where(c => c.Server == server.Authority);

    /// <param name="httpFs">Act as an HttpFS gateway rather than a NameNode with a DataNode.</param>
    /// <param name="certificate">Serve HTTPS with this certificate (and its private key).</param>
    public static async Task<WebHdfsEmulator> StartAsync(bool httpFs = false, X509Certificate2? certificate = null)
    {
        var emulator = new WebHdfsEmulator(httpFs, certificate);
        var dataNode = new EmulatedDataNode(emulator);
        emulator.DataNode = await emulator.ServeAsync(dataNode.HandleAsync);
        var nameNode = new EmulatedNameNode(emulator);
        emulator.NameNode = await emulator.ServeAsync(async context =>
        {
            if (emulator.Spnego is not { } gate || await gate.AuthenticateAsync(context))
            {
                await nameNode.HandleAsync(context);
            }
        });
        return emulator;
    }

    /// <summary>Starts a NameNode in standby, which answers every call with a StandbyException (HTTP 403).</summary>
    public Task<Uri> StartStandbyNameNodeAsync() =>
        ServeAsync(async context =>
        {
            Record(context, 0);
            await Answers.StandbyAsync(context);
        });

    /// <summary>Starts a NameNode that accepts calls and never answers.</summary>
    public Task<Uri> StartSilentNameNodeAsync() =>
        ServeAsync(async context =>
        {
            Record(context, 0);
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });

    /// <summary>A loopback address on which nothing listens: connecting is refused.</summary>
    public static Uri RefusingAddress() => new($"http://127.0.0.1:{LoopbackServer.FreePort()}");

    public string Local(string hdfsPath) => Path.Join(Root, hdfsPath);

    public async Task WriteAsync(string hdfsPath, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Local(hdfsPath))!);
        await File.WriteAllTextAsync(Local(hdfsPath), content);
    }

    public async Task<string?> ReadAsync(string hdfsPath) =>
        File.Exists(Local(hdfsPath)) ? await File.ReadAllTextAsync(Local(hdfsPath)) : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            // A silent NameNode's calls end only when their clients give up; do not wait for them.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await server.StopAsync(stopping.Token);
            await server.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    internal EmulatedCall Record(HttpContext context, long bodyLength)
    {
        var query = context.Request.Query;
        var call = new EmulatedCall(
            $"127.0.0.1:{context.Connection.LocalPort}",
            context.Request.Method,
            query["op"].ToString().ToUpperInvariant(),
            HdfsPathOf(context),
            query.TryGetValue("destination", out var destination) ? destination.ToString() : null,
            context.Request.QueryString.Value ?? "",
            bodyLength);
        Calls.Enqueue(call);
        return call;
    }

    internal static string HdfsPathOf(HttpContext context)
    {
        const string prefix = "/webhdfs/v1";
        var path = context.Request.Path.Value ?? "";
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length ? path[prefix.Length..] : "/";
    }

    internal static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    internal bool TakeUploadDrop() => TakeOne(ref _uploadsToDrop);

    internal bool TakeDownloadDrop() => TakeOne(ref _downloadsToDrop);

    internal bool TakeFailure() => TakeOne(ref _failures);

    internal bool TakeSafeMode() => TakeOne(ref _safeModeCalls) || SafeModeWhile?.Invoke() == true;

    internal bool TakeRetriable() => TakeOne(ref _retriableCalls);

    internal bool TakeDownloadStall() => TakeOne(ref _downloadsToStall);

    internal bool TakeUploadStall() => TakeOne(ref _uploadsToStall);

    internal bool TakeRedirectRefusal() => TakeOne(ref _redirectsToRefuse);

    internal EmulatedFault FaultOf(EmulatedCall call) => FaultFor?.Invoke(call) ?? EmulatedFault.None;

    /// <summary>Sends a file's bytes as a download: whole, trickled, half then dropped, or half then stalled.</summary>
    internal async Task SendFileAsync(HttpContext context, string local, EmulatedCall call)
    {
        var bytes = await File.ReadAllBytesAsync(local);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        var fault = TakeDownloadDrop() ? EmulatedFault.Drop : TakeDownloadStall() ? EmulatedFault.Stall : FaultOf(call);
        var stall = fault == EmulatedFault.Stall;
        if (fault is EmulatedFault.Drop or EmulatedFault.Stall)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            if (stall)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            context.Abort();
            return;
        }

        var piece = TrickleBytes ?? bytes.Length;
        for (var offset = 0; offset < bytes.Length; offset += piece)
        {
            if (offset > 0)
            {
                await Task.Delay(TrickleDelay, TimeProvider.System, context.RequestAborted);
            }

            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private async Task<Uri> ServeAsync(RequestDelegate handler)
    {
        // HDFS takes files of any size.
        var (app, address) = await LoopbackServer.StartAsync(a => a.Run(handler), _certificate, k => k.Limits.MaxRequestBodySize = null);
        _servers.Add(app);
        return address;
    }
}
