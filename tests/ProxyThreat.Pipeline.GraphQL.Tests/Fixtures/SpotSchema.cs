using System.Globalization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>
/// Spot's proxy API built from its SDL (<c>Schema/proxy-api.graphql</c>), with the three reads an investigation
/// needs resolved from Spot's tables in a folder (scores and comments through a <see cref="TablesSource"/>, the
/// expanded search as Impala runs it): the same data a real Spot would serve from the same tables.
/// </summary>
public static class SpotSchema
{
    public static string Sdl { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "proxy-api.graphql"));

    public static ISchema Build(IHdfs hdfs, SpotLayout layout)
    {
        var tables = new TablesSource(hdfs, layout);
        var schema = Schema.For(Sdl, builder =>
        {
            builder.AllowUnknownFields = true;
            FromRow(builder, "ProxyScoredRequestType", "datetime", "uri", "score");
            FromRow(builder, "ProxyCommentType", "uri", "title", "text");
            FromRow(builder, "ProxyThreatDetailsType",
                "datetime", "clientIp", "username", "duration", "uri", "webCategory", "responseCode", "requestMethod", "userAgent",
                "responseContentType", "referer", "uriPort", "serverIp", "serverToClientBytes", "clientToServerBytes");
            var marker = new object();
            Resolve(builder.Types.For("SpotQueryType").FieldFor("proxy"), _ => marker);
            Resolve(builder.Types.For("ProxyQueryType").FieldFor("threats"), _ => marker);
            Resolve(builder.Types.For("ProxyQueryType").FieldFor("threat"), _ => marker);
            ResolveAsync(builder.Types.For("ProxyThreatsType").FieldFor("list"), async c =>
            {
                var date = DateArgument(c);
                var threats = await tables.GetScoredThreatsAsync(date, c.CancellationToken);
                return threats.Select(t => Row(("datetime", Text(date)), ("uri", t.Uri), ("score", t.Severity))).ToList();
            });
            ResolveAsync(builder.Types.For("ProxyThreatsType").FieldFor("comments"), async c =>
            {
                var entries = await tables.GetStoryboardEntriesAsync(DateArgument(c), c.CancellationToken);
                return entries.Select(e => Row(("uri", e.Uri), ("title", e.Title), ("text", e.Text))).ToList();
            });
            ResolveAsync(builder.Types.For("ProxyThreatInformation").FieldFor("details"), async c =>
            {
                var date = DateArgument(c);
                var rows = await RawProxySearch.FindAsync(hdfs, layout, date, c.GetArgument<string>("uri"), c.CancellationToken);
                return rows.Select(r => Details(r, date)).ToList();
            });
        });

        // The SDL declares Spot's scalars; on the wire all three are text. Each is a type of its own, so that
        // graphql-dotnet does not take one of them for the built-in String (as in introspection's __type(name:)).
        schema.RegisterType(new SpotDateGraphType());
        schema.RegisterType(new SpotDatetimeGraphType());
        schema.RegisterType(new SpotIpGraphType());

        return schema;
    }

    private static Dictionary<string, object?> Details(object?[] r, DateOnly date)
    {
        object? Column(string name) => r[SpotTables.Proxy.IndexOf(name)];
        return Row(
            ("datetime", RawProxySearch.Time(r, date)?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            ("clientIp", Column("clientip")),
            ("username", Column("username")),
            ("duration", Column("duration")),
            ("uri", Column("fulluri")),
            ("webCategory", Column("webcat")),
            ("responseCode", Int((string?)Column("respcode"))),
            ("requestMethod", Column("reqmethod")),
            ("userAgent", Column("useragent")),
            ("responseContentType", Column("resconttype")),
            ("referer", Column("referer")),
            ("uriPort", Int((string?)Column("uriport"))),
            ("serverIp", Column("serverip")),
            ("serverToClientBytes", Column("scbytes")),
            ("clientToServerBytes", Column("csbytes")));
    }

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly DateArgument(IResolveFieldContext context) =>
        DateOnly.ParseExact(context.GetArgument<string>("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    /// <summary>The rows are dictionaries keyed by field name.</summary>
    private static void FromRow(global::GraphQL.Utilities.SchemaBuilder builder, string type, params string[] fields)
    {
        foreach (var field in fields)
        {
            Resolve(builder.Types.For(type).FieldFor(field), c => ((Dictionary<string, object?>)c.Source!)[field]);
        }
    }

    private static void Resolve(global::GraphQL.Utilities.FieldConfig field, Func<IResolveFieldContext, object?> resolve) =>
        field.Resolver = new FuncFieldResolver<object?>(resolve);

    private static void ResolveAsync(global::GraphQL.Utilities.FieldConfig field, Func<IResolveFieldContext, Task<object?>> resolve) =>
        field.Resolver = new FuncFieldResolver<object?>(c => new ValueTask<object?>(resolve(c)));
}

internal sealed class SpotDateGraphType : StringGraphType
{
    public SpotDateGraphType() => Name = "SpotDateType";
}

internal sealed class SpotDatetimeGraphType : StringGraphType
{
    public SpotDatetimeGraphType() => Name = "SpotDatetimeType";
}

internal sealed class SpotIpGraphType : StringGraphType
{
    public SpotIpGraphType() => Name = "SpotIpType";
}
