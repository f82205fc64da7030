using System.Globalization;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Tests.Sources;

/// <summary>
/// Builds the rows of an expanded search for tests on <see cref="Day"/>:
/// <c>Req.Rows(Req.At("12:00:01").From("10.0.0.1").To(U).Ref(R).Code("200"), ...)</c>. Unset fields are null.
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

    /// <summary>How the incident progression shows this request.</summary>
    public IncidentRequest Request => new(ClientIp, Referer, RequestMethod, ResponseContentType);

    /// <summary>The rows in the order given, as a source would hand them over.</summary>
    public static SearchRows Rows(params Req[] rows)
    {
        var search = new SearchRows();
        foreach (var r in rows)
        {
            search.Add(r.Time, r.ClientIp, r.FullUri, r.Referer, r.RequestMethod, r.ResponseContentType, r.ResponseCode, r.Duration);
        }

        return search.Complete();
    }
}
