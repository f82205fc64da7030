using System.Globalization;
using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Tests.Sources;

/// <summary>
/// Builds <see cref="ProxyRequest"/> rows for tests on <see cref="Day"/>:
/// <c>Req.At("12:00:01").From("10.0.0.1").To(U).Ref(R).Code("200").Build()</c>. Unset fields are null.
/// </summary>
internal sealed record Req(
    DateTime? Time,
    string? ClientIp = null,
    string? FullUri = null,
    string? Referer = null,
    string? RequestMethod = null,
    string? ResponseContentType = null,
    string? ResponseCode = null,
    int? Duration = null)
{
    public static readonly DateOnly Day = new(2016, 7, 8);

    public static Req At(string time) =>
        new(Day.ToDateTime(TimeOnly.ParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture)));

    public static Req NoTime() => new((DateTime?)null);

    public Req From(string? clientIp) => this with { ClientIp = clientIp };

    public Req To(string? fullUri) => this with { FullUri = fullUri };

    public Req Ref(string? referer) => this with { Referer = referer };

    public Req Method(string? method) => this with { RequestMethod = method };

    public Req Type(string? contentType) => this with { ResponseContentType = contentType };

    public Req Code(string? code) => this with { ResponseCode = code };

    public Req Took(int? duration) => this with { Duration = duration };

    public ProxyRequest Build() =>
        new(Time, ClientIp, null, Duration, FullUri, null, ResponseCode, RequestMethod, null, ResponseContentType, Referer, null, null, null, null);

    public static List<ProxyRequest> Rows(params Req[] rows) => rows.Select(r => r.Build()).ToList();
}
