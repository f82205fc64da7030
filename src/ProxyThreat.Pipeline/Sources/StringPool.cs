namespace ProxyThreat.Pipeline.Sources;

/// <summary>
/// Hands out one instance per distinct text. An expanded search repeats the same few values on every row (the
/// URI itself, its referers, user agents, methods, content types, response codes), and a popular URI has a
/// million rows: shared, those values are held once instead of once per row. One pool serves one search.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _values.Add(value);
        return value;
    }
}
