using System.Text;

namespace ProxyThreat.Pipeline;

/// <summary>
/// What a configured text must be to go into an HTTP request header: a name of visible ASCII without a colon; a
/// value on one line (a line break or NUL would end or split the header) and of ASCII only, as .NET's HTTP client
/// refuses other header text on every request, which would read as the server being unreachable. Callers word
/// the messages with their key, never the value, which may be a secret.
/// </summary>
internal static class HeaderText
{
    public const string NotAscii = "must be ASCII: it is sent as a request header, which carries no other text";

    public static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && !name.Any(c => c <= ' ' || c >= 127 || c == ':');

    public static bool IsSingleLine(string value) => !value.Any(c => c is '\r' or '\n' or '\0');

    public static bool IsAscii(string value) => Ascii.IsValid(value);
}
