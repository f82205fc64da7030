using System.Security.Cryptography;
using System.Text;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// The SHA-256 of a document's UTF-8 bytes, in hex: the ledger compares it to tell a changed threat from a rerun,
/// and webhooks receive it as the <c>Idempotency-Key</c>.
/// </summary>
public static class DocumentHash
{
    public static string Of(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>A receiver's key from its URL: the same for the same URL, and not the URL, which may hold a token.</summary>
    public static string Id(string kind, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{kind}:{Of(url.AbsoluteUri)[..16]}";
    }
}
