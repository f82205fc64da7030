using System.Runtime.InteropServices;

namespace ProxyThreat.Pipeline.Search;

/// <summary>
/// One request of an expanded search, as the outputs need it: its time and the ids of its texts in the
/// search's <see cref="TextTable"/>s (<see cref="TextTable.Null"/> for an empty field). 36 bytes.
/// </summary>
/// <param name="Time">Ticks of the request's time, or <see cref="NoTime"/>.</param>
/// <param name="Duration">Milliseconds; an empty duration is 0, which is all the timeline makes of it.</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct SearchRow(
    long Time,
    int ClientIp,
    int FullUri,
    int Referer,
    int RequestMethod,
    int ContentType,
    int ResponseCode,
    int Duration)
{
    public const long NoTime = long.MinValue;

    public bool HasTime => Time != NoTime;

    /// <summary>Orders rows by time, a request without one as the earliest (as <see cref="DateTime.MinValue"/>).</summary>
    public long SortKey => HasTime ? Time : 0;
}
