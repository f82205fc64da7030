using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ProxyThreat.Benchmarks;

/// <summary>
/// The same answers as <see cref="SpotApiServer"/> from a bare socket: a minimal HTTP/1.1 exchange (a request with a
/// Content-Length, an answer with one) and each answer handed to the kernel in one send. Kestrel spends about as
/// much CPU sending a 512 MB answer as the worker spends parsing it, on the same two cores; this server spends
/// next to none, so what is measured against it is the reader's own cost.
/// </summary>
internal sealed class BareSocketServer : IAsyncDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly IReadOnlyDictionary<string, byte[]> _answers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private BareSocketServer(IReadOnlyDictionary<string, byte[]> answersByDate)
    {
        _answers = answersByDate;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/graphql");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    public static BareSocketServer Start(IReadOnlyDictionary<string, byte[]> answersByDate) => new(answersByDate);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    /// <summary>Answers the requests of one connection, one after the other, until the client closes it (a request is at most 64 KiB).</summary>
    private async Task ServeAsync(Socket connection)
    {
        using (connection)
        {
            var buffer = new byte[64 * 1024];
            var filled = 0;
            try
            {
                while (true)
                {
                    int headerEnd;
                    while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
                    {
                        var read = await connection.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    var length = ContentLength(Encoding.ASCII.GetString(buffer, 0, headerEnd));
                    var end = headerEnd + HeaderEnd.Length + length;
                    if (end > buffer.Length)
                    {
                        return;
                    }

                    while (filled < end)
                    {
                        var read = await connection.ReceiveAsync(buffer.AsMemory(filled, end - filled), _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    using var request = JsonDocument.Parse(buffer.AsMemory(headerEnd + HeaderEnd.Length, length));
                    var answer = SpotApiServer.Answer(request, _answers);
                    await connection.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {answer.Length}\r\n\r\n"), _stop.Token);
                    await connection.SendAsync(answer, _stop.Token);
                    buffer.AsSpan(end, filled - end).CopyTo(buffer);
                    filled -= end;
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                // The client went away, or the benchmark is over.
            }
        }
    }

    private static int ContentLength(string header) =>
        header.Split("\r\n").Select(l => l.Split(':', 2)).FirstOrDefault(p => p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) is [_, var value]
            ? int.Parse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("the bare server takes only requests with a Content-Length");
}
