using System.Globalization;

namespace ProxyThreat.Pipeline.Analysis;

/// <summary>Names of HTTP response codes, from the table Spot ships (<c>http-status-names.csv</c>).</summary>
public sealed class HttpStatusNames
{
    public const string Unknown = "Unknown";

    private readonly Dictionary<string, string> _names;

    private HttpStatusNames(Dictionary<string, string> names)
    {
        _names = names;
    }

    public static HttpStatusNames Default { get; } = Load();

    public string NameOf(string? code) =>
        code is not null && _names.TryGetValue(code.Trim(), out var name) ? name : Unknown;

    private static HttpStatusNames Load()
    {
        using var stream = typeof(HttpStatusNames).Assembly.GetManifestResourceStream("http-status-names.csv")
            ?? throw new InvalidOperationException("http-status-names.csv is not embedded in the pipeline assembly");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && int.TryParse(line.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                names[line[..comma]] = line[(comma + 1)..].Trim('"');
            }
        }

        return new HttpStatusNames(names);
    }
}
