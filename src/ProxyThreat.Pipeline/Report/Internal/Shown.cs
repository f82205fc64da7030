using System.Globalization;
using System.Text;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>How values from the proxy log are shown: as visible text, never as anything a browser acts on.</summary>
internal static class Shown
{
    public const string Empty = "(empty)";

    /// <summary>
    /// The value with control and bidirectional-formatting characters spelt out (<c>\u202E</c>), so a URI cannot
    /// reorder or hide part of itself on screen.
    /// </summary>
    public static string Visible(string? value, bool keepLineBreaks = false)
    {
        if (value is null)
        {
            return Empty;
        }

        if (!value.Any(c => IsHidden(c, keepLineBreaks)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (IsHidden(c, keepLineBreaks))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The visible value cut to at most <paramref name="length"/> characters, with an ellipsis if cut.</summary>
    public static string Short(string? value, int length)
    {
        var visible = Visible(value);
        if (visible.Length <= length)
        {
            return visible;
        }

        var cut = length - 1;
        if (char.IsHighSurrogate(visible[cut - 1]))
        {
            cut--;
        }

        return string.Concat(visible.AsSpan(0, cut), "…");
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long value, string one, string many) => $"{Count(value)} {(value == 1 ? one : many)}";

    private static bool IsHidden(char c, bool keepLineBreaks) =>
        (char.IsControl(c) && !(keepLineBreaks && c is '\n' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
