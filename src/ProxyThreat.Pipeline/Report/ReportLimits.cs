namespace ProxyThreat.Pipeline.Report;

/// <summary>
/// How much of one threat the report draws. A big day (hundreds of threats, one with a hundred thousand
/// requests) must still give a page of a few megabytes that opens at once; what is left out is counted and said.
/// </summary>
public static class ReportLimits
{
    /// <summary>Nodes drawn on each side of the incident-progression graph; the rest become one "+N more" node.</summary>
    public const int GraphNodesPerSide = 10;

    /// <summary>Rows of each count table; the rest become one "+N more" row.</summary>
    public const int TableRows = 10;

    /// <summary>Client lanes of the timeline chart.</summary>
    public const int TimelineLanes = 25;

    /// <summary>Bars of one timeline chart, over all its lanes.</summary>
    public const int TimelineBars = 400;

    /// <summary>Characters of a URI or value shown in a graph label; the whole text is in its tooltip.</summary>
    public const int LabelCharacters = 40;

    /// <summary>Characters of a value shown in a table cell or tooltip.</summary>
    public const int CellCharacters = 300;
}
