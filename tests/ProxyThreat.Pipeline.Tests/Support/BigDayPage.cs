using System.Globalization;
using ProxyThreat.Pipeline.Tests.Sources;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>
/// A big day written by the real writer and rendered once for its tests: 200 ordinary threats and one with
/// 100,000 requests from 5,000 clients, 301 referring pages and 500 onward pages, timelines of the top 100 clients.
/// </summary>
public sealed class BigDayPage : IAsyncLifetime, IDisposable
{
    public const string Big = "http://cdn.example/rotator.js";
    public const int TopResults = 100;

    internal SpotFolder Output { get; } = new();

    internal ReportDays.Rendered Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var random = new Random(20160708);
        var threats = Enumerable.Range(0, 200).Select(t =>
        {
            var uri = string.Create(CultureInfo.InvariantCulture, $"http://threat{t}.example/p?id={t}");
            return (uri, Req.Rows(Enumerable.Range(0, 20).Select(i => Request(random, uri, $"10.1.{t % 250}.{i}", $"http://ref{i % 4}.example/")).ToArray()));
        }).ToList();

        // Written as the investigator writes a date's threats, several at once.
        await Parallel.ForEachAsync(threats, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (threat, _) =>
            await ReportDays.WriteThreatAsync(Output, threat.uri, threat.Item2, topResults: TopResults));

        var big = new List<Req>(100_000);
        for (var i = 0; i < 100_000; i++)
        {
            var client = string.Create(CultureInfo.InvariantCulture, $"10.{i % 5000 / 250}.{i % 250}.1");
            big.Add(i % 10 == 0
                ? Request(random, string.Create(CultureInfo.InvariantCulture, $"http://onward{i / 10 % 500}.example/"), client, Big)
                : Request(random, Big, client, string.Create(CultureInfo.InvariantCulture, $"http://site{i % 301}.example/")));
        }

        await ReportDays.WriteThreatAsync(Output, Big, Req.Rows([.. big]), topResults: TopResults);
        Page = await ReportDays.RenderAsync(Output, topResults: TopResults);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Page?.Dispose();
        Output.Dispose();
    }

    private static Req Request(Random random, string uri, string client, string referer)
    {
        var time = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(random.Next(0, 86_400))).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        string[] codes = ["200", "200", "200", "302", "404", "503"];
        return Req.At(time).From(client).To(uri).Ref(referer).Method(random.Next(4) == 0 ? "POST" : "GET").Type("application/javascript").Code(codes[random.Next(codes.Length)]).Took(random.Next(1, 900));
    }
}
