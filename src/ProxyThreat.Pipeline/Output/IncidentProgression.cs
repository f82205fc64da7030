using System.Text.Encodings.Web;
using System.Text.Json;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Output;

/// <summary>
/// The <c>incident-progression-&lt;md5&gt;.json</c> file Spot's UI draws (FORMATS.md section 4 step 5), with the
/// counts of step 4 added under <c>counts</c> and where the storyboard's title and text came from under
/// <c>origin</c>, so the report can say it without the ledger, and where it all came from under <c>provenance</c>.
/// The same inputs always give the same bytes.
/// </summary>
public static class IncidentProgression
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // Analysts read these files; keep non-ASCII URIs legible. The file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// Writes the file to <paramref name="stream"/> as it goes, in pieces of about
    /// <see cref="FlushThreshold"/> bytes: a URI with a million requests is never held as one document.
    /// </summary>
    public static async Task WriteAsync(Stream stream, ThreatAnalysis analysis, StoryOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        await using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("fulluri", analysis.Uri);
        json.WriteStartArray("requests");
        foreach (var request in analysis.Requests)
        {
            json.WriteStartObject();
            json.WriteString("clientip", request.ClientIp);
            json.WriteString("referer", request.Referer);
            json.WriteString("reqmethod", request.RequestMethod);
            json.WriteString("resconttype", request.ResponseContentType);
            json.WriteEndObject();
            if (json.BytesPending >= FlushThreshold)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("referer_for");
        foreach (var uri in analysis.RefererFor)
        {
            json.WriteStringValue(uri);
        }

        json.WriteEndArray();
        json.WriteStartObject("counts");
        json.WriteNumber("rows", analysis.RowCount);
        WriteCounts(json, "clientip", analysis.ClientIps);
        WriteCounts(json, "reqmethod", analysis.RequestMethods);
        WriteCounts(json, "resconttype", analysis.ContentTypes);
        WriteCounts(json, "referer", analysis.Referers);
        json.WriteEndObject();
        json.WriteString("origin", OriginName(origin));
        if (analysis.Provenance is { } provenance)
        {
            WriteProvenance(json, provenance);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The name an origin has in the file: <c>decision</c>, <c>storyboard</c> or <c>generated</c>.</summary>
    public static string OriginName(StoryOrigin origin) => origin.ToString().ToLowerInvariant();

    private static void WriteProvenance(Utf8JsonWriter json, ThreatProvenance provenance)
    {
        json.WriteStartObject("provenance");
        json.WriteStartObject("source");
        json.WriteString("kind", provenance.Source.Kind == SourceKind.GraphQL ? "graphql" : "tables");
        if (provenance.Source.Endpoint is { } endpoint)
        {
            json.WriteString("endpoint", endpoint);
        }

        if (provenance.Source.Kind == SourceKind.Tables)
        {
            json.WriteStartArray("files");
            foreach (var file in provenance.Source.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteNumber("rows", provenance.Rows);
        json.WriteEndObject();
        json.WriteString("story", OriginName(provenance.Story));
        json.WriteString("worker", provenance.Worker);
        json.WriteStartObject("settings");
        json.WriteStartArray("severities");
        foreach (var severity in provenance.Settings.Severities)
        {
            json.WriteNumberValue(severity);
        }

        json.WriteEndArray();
        json.WriteNumber("top_results", provenance.Settings.TopResults);
        json.WriteNumber("timeline_gap_seconds", provenance.Settings.TimelineGapSeconds);
        json.WriteString("sha256", provenance.Settings.Sha256);
        json.WriteEndObject();
        json.WriteStartObject("timeline");
        json.WriteNumber("clients", provenance.Clients);
        json.WriteNumber("top", provenance.TimelineClients);
        json.WriteBoolean("capped", provenance.TimelineCapped);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<CountedValue> counts)
    {
        json.WriteStartArray(name);
        foreach (var count in counts)
        {
            json.WriteStartObject();
            json.WriteString("value", count.Value);
            json.WriteNumber("requests", count.Requests);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
