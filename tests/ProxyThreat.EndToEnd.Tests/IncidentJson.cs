using System.Text;
using System.Text.Json;
using ProxyThreat.Pipeline.Provenance;

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>
/// Cuts an incident-progression file at its <c>provenance</c>, which says which source and which build wrote it
/// and so differs where the rest of the file must not.
/// </summary>
internal static class IncidentJson
{
    /// <summary>Stands for the running worker's version in committed expected files.</summary>
    public const string VersionToken = "WORKER_VERSION";

    public static bool IsIncidentProgression(string file) => Path.GetFileName(file).StartsWith("incident-progression-", StringComparison.Ordinal);

    /// <summary>The file as it would be without its provenance: every other key, byte for byte.</summary>
    public static byte[] WithoutProvenance(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("provenance"u8))
            {
                // The key is the last of the object: drop the comma before it and everything after, keep the closing brace.
                var comma = json.AsSpan(0, (int)reader.TokenStartIndex).LastIndexOf((byte)',');
                return [.. json.AsSpan(0, comma), (byte)'}'];
            }
        }

        throw new InvalidDataException("no provenance key in the file");
    }

    /// <summary>The provenance object, parsed.</summary>
    public static JsonElement Provenance(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("provenance").Clone();
    }

    /// <summary>The file with the running worker's version replaced by <see cref="VersionToken"/>, as committed files hold it.</summary>
    public static byte[] WithVersionToken(byte[] json) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace($"\"worker\":\"{WorkerVersion.Current}\"", $"\"worker\":\"{VersionToken}\"", StringComparison.Ordinal));
}
