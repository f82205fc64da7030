namespace ProxyThreat.Pipeline.Notify.Internal;

/// <summary>Text from the proxy log put into Markdown so that it reads as itself, never as markup.</summary>
internal static class Markdown
{
    /// <summary>A code span long enough that no run of backticks in the text closes it.</summary>
    public static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return $"{fence}{pad}{OneLine(text)}{pad}{fence}";
    }

    /// <summary>A table cell: a code span whose pipes are escaped, since the table splits on them first.</summary>
    public static string Cell(string text) => Code(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
