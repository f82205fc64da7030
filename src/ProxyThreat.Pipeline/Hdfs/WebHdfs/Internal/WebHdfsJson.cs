using System.Text.Json;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>Reads the JSON answers of successful calls; an answer of another shape is a failure of that call.</summary>
internal static class WebHdfsJson
{
    /// <summary>Reads <c>{"boolean": b}</c>; an empty body (RENAME with options) counts as true.</summary>
    public static bool ReadBoolean(WebHdfsCall call, string body) =>
        string.IsNullOrWhiteSpace(body) || Read(call, body, root => root.GetProperty("boolean").GetBoolean());

    /// <summary>Reads <c>{"FileStatus": {...}}</c>.</summary>
    public static FileStatus ReadStatus(WebHdfsCall call, string body) =>
        Read(call, body, root => Status(root.GetProperty("FileStatus")));

    /// <summary>Reads <c>{"FileStatuses": {"FileStatus": [...]}}</c>.</summary>
    public static IReadOnlyList<FileStatus> ReadListing(WebHdfsCall call, string body) =>
        Read(call, body, root => root.GetProperty("FileStatuses").GetProperty("FileStatus").EnumerateArray().Select(Status).ToList());

    private static FileStatus Status(JsonElement status) =>
        new(
            status.GetProperty("pathSuffix").GetString() ?? "",
            status.GetProperty("type").GetString() == "DIRECTORY",
            status.TryGetProperty("length", out var length) ? length.GetInt64() : 0);

    private static T Read<T>(WebHdfsCall call, string body, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A body cut short by a proxy or a crashing server reads so too; the call itself can be tried again.
            throw WebHdfsFailure.Other(call, 200, "the server's answer is not the JSON WebHDFS sends", transient: true).ToException(e);
        }
    }
}
