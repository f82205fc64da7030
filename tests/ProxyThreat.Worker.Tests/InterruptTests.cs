using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ProxyThreat.Worker.Tests;

public sealed class InterruptTests : IDisposable
{
    private readonly string _dir = Path.Join(Path.GetTempPath(), "proxythreat-interrupt", Guid.NewGuid().ToString("N"));

    public InterruptTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Investigate_SigtermWhileWaitingOnTheSource_ExitsPromptlyWith130AndWritesNothing()
    {
        // A GraphQL endpoint that takes the request and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var process = WorkerProcess.Start(
            _dir,
            WorkerProcess.Checkout,
            "investigate",
            "--date",
            "2016-07-08",
            "--Source:Kind=graphql",
            $"--Source:GraphQL:Endpoint=http://127.0.0.1:{port}/graphql",
            "--Investigation:DecisionsPath=");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using (var connected = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            using var client = await silent.AcceptTcpClientAsync(connected.Token);

            var stopped = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(connected.Token);
            }

            await process.WaitForExitAsync(connected.Token);
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(10), $"took {stopped.Elapsed} to stop");
        }

        Assert.True(process.ExitCode == 130, await error + await output);
        Assert.Contains("proxythreat: cancelled", await error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(_dir, "out")));
    }
}
