using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Output;

namespace ProxyThreat.Worker.Report;

/// <summary>
/// With <c>Report:Publish</c>, writes a date's report to HDFS beside its incident files after a firing that
/// changed the date (a threat written, dismissed or failed), with the same hidden-name-then-rename write.
/// </summary>
public sealed class ReportPublisher
{
    private readonly ReportMaker _maker;
    private readonly SpotWriter _writer;
    private readonly ReportOptions _options;
    private readonly ILogger<ReportPublisher> _logger;

    public ReportPublisher(ReportMaker maker, SpotWriter writer, IOptions<ReportOptions> options, ILogger<ReportPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maker = maker;
        _writer = writer;
        _options = options.Value;
        _logger = logger;
    }

    /// <param name="date">The date.</param>
    /// <param name="outcomes">What the firing did on that date.</param>
    /// <param name="cancellationToken">Stops the firing.</param>
    public async Task PublishAsync(DateOnly date, IReadOnlyCollection<ThreatOutcome> outcomes, CancellationToken cancellationToken)
    {
        // A threat waiting for a decision is looked at on every firing and changes nothing on the page.
        if (!_options.Publish || !outcomes.Any(o => o.Status is ThreatStatus.Written or ThreatStatus.Dismissed or ThreatStatus.Failed))
        {
            return;
        }

        try
        {
            var (report, html) = await _maker.MakeAsync(date, cancellationToken);
            await _writer.WriteReportAsync(date, html, cancellationToken);
            Log.ReportPublished(_logger, date, report.Threats.Count, html.Length, _writer.Describe(date));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The boundary of the report: it only shows what is already written, so its failure fails neither the date nor the firing.
            Log.ReportNotPublished(_logger, ex, date, ex.Message);
        }
    }
}
