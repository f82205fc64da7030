using ProxyThreat.Pipeline.Investigation;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>What one firing of the investigation job did.</summary>
/// <param name="Outcomes">The threats it investigated, in the order they finished.</param>
/// <param name="Cancelled">Stopped by shutdown before it finished.</param>
public sealed record FiringSummary(DateOnly From, DateOnly To, IReadOnlyList<ThreatOutcome> Outcomes, int FailedDates, bool Cancelled);
