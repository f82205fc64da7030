using ProxyThreat.Pipeline.Story;
using ProxyThreat.Pipeline.Tests.Sources;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>
/// A day whose URIs, referers, clients, methods, content types, codes and stories are attacks on the page that
/// shows them, written by the real writer.
/// </summary>
public sealed class HostileDayPage : IAsyncLifetime, IDisposable
{
    public static readonly string[] Uris =
    [
        "http://evil.example/<script>alert(1)</script>",
        "http://evil.example/\"><img src=x onerror=alert(2)>",
        "javascript:alert(3)//http://evil.example/",
        "http://évil.example/überprüfung/日本語/\u202Eexe.gnp",
    ];

    public static readonly string[] Referers =
    [
        "\"><svg onload=alert(4)>",
        "</style><script>alert(5)</script>",
        "'><iframe src=javascript:alert(6)></iframe>",
        "javascript:alert(7)",
    ];

    public const string Title = "<script>alert(8)</script> \"quoted\" title";

    public const string Text = "Text </p><a href=\"javascript:alert(9)\">click</a><base href=\"http://evil.example/\">";

    internal SpotFolder Output { get; } = new();

    internal ReportDays.Rendered Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await WriteAsync(Output);
        Page = await ReportDays.RenderAsync(Output);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Page?.Dispose();
        Output.Dispose();
    }

    private static async Task WriteAsync(SpotFolder output)
    {
        var i = 0;
        foreach (var uri in Uris)
        {
            var rows = Req.Rows(
                Req.At("10:00:00").From("<b>10.0.0.1</b>").To(uri).Ref(Referers[i % Referers.Length]).Method("<img src=x onerror=alert(10)>").Type("text/html\"><script>alert(11)</script>").Code("<i>200</i>").Took(5),
                Req.At("10:00:10").From("10.0.0.2").To(uri).Ref(Referers[(i + 1) % Referers.Length]).Method("GET").Type("text/html").Code("200"),
                Req.At("10:00:20").From("10.0.0.2").To(Referers[(i + 2) % Referers.Length]).Ref(uri).Method("GET").Code("302"));
            await ReportDays.WriteThreatAsync(output, uri, rows, i % 2 == 0 ? new ThreatStory(Title, Text, StoryOrigin.Decision) : null);
            i++;
        }
    }
}
