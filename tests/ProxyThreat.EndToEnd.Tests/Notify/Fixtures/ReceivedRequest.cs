namespace ProxyThreat.EndToEnd.Tests.Notify.Fixtures;

/// <summary>A request a stand-in received: method, path with query, headers (names lowercase) and body.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
