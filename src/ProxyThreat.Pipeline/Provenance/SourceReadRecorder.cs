using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Pipeline.Provenance;

/// <summary>Says what the configured source reads for a date, for the provenance of what is written from it.</summary>
public sealed class SourceReadRecorder
{
    private readonly SourceOptions _options;
    private readonly SpotLayout _layout;

    public SourceReadRecorder(IOptions<SourceOptions> options, SpotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _layout = layout;
    }

    /// <summary>
    /// The tables source reads every visible file of the date's score partition and raw hour partitions, found as
    /// it finds them; a partition that is not there adds nothing.
    /// </summary>
    public async Task<SourceRead> RecordAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (_options.Kind == SourceKind.GraphQL)
        {
            // Authority is host and port only: user information in the URL is a secret.
            return new SourceRead(SourceKind.GraphQL, [], _options.GraphQL.Endpoint?.Authority);
        }

        var hdfs = new LocalHdfs(_options.Tables.Root!);
        var scores = await PartitionFinder.FindDayAsync(hdfs, _layout.ThreatInvestigationTable, date, cancellationToken);
        var hours = await PartitionFinder.FindHoursAsync(hdfs, await PartitionFinder.FindDayAsync(hdfs, _layout.ProxyTable, date, cancellationToken), cancellationToken);
        var files = new List<InputFile>();
        foreach (var folders in (IReadOnlyList<string>[])[scores, hours])
        {
            files.AddRange((await PartitionFinder.FilesAsync(hdfs, folders, cancellationToken)).Select(f => new InputFile(f.Path, f.Length)));
        }

        return new SourceRead(SourceKind.Tables, files, null);
    }
}
