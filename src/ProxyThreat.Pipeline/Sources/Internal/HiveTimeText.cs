namespace ProxyThreat.Pipeline.Sources.Internal;

/// <summary>
/// Hive's <c>yyyy-mm-dd</c> and <c>hh:mm:ss</c> read straight from their UTF-8 bytes: the form nearly every
/// value of Spot's data takes, read without making a string; anything else is left to the caller's general parse.
/// </summary>
internal static class HiveTimeText
{
    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text is not [_, _, _, _, (byte)'-', _, _, (byte)'-', _, _]
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <param name="text">The time.</param>
    /// <param name="ticks">Ticks since midnight.</param>
    public static bool TryParseTime(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text is not [_, _, (byte)':', _, _, (byte)':', _, _]
            || !Digits(text[..2], out var hour) || !Digits(text.Slice(3, 2), out var minute) || !Digits(text.Slice(6, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new TimeOnly(hour, minute, second).Ticks;
        return true;
    }

    /// <summary><c>yyyy-mm-dd hh:mm:ss</c>, as Spot's API writes a request's datetime.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length != 19 || text[10] != ' ' || !TryParseDate(text[..10], out var date) || !TryParseTime(text[11..], out var time))
        {
            return false;
        }

        ticks = date.ToDateTime(TimeOnly.MinValue).Ticks + time;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
