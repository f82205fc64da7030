namespace ProxyThreat.Worker.Report;

/// <summary>Configuration section <c>Report</c>: the HTML report of each date.</summary>
public sealed class ReportOptions
{
    public const string Section = "Report";

    /// <summary>
    /// The service writes each date's report to HDFS beside the date's incident files
    /// (<c>SPOT/proxy/oa/storyboard/Y/M/D/report.html</c>) after each firing that changed the date.
    /// </summary>
    public bool Publish { get; set; }
}
