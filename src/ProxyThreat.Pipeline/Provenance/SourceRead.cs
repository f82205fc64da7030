using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Provenance;

/// <summary>
/// What the source read for a date: for the tables source, the files of the date's score and raw proxy partitions;
/// for Spot's API, the endpoint's host (never its user information or headers, which can hold secrets).
/// </summary>
public sealed record SourceRead(SourceKind Kind, IReadOnlyList<InputFile> Files, string? Endpoint);
