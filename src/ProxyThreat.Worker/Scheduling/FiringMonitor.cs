using ProxyThreat.Pipeline.Investigation;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>Tells whoever listens (tests, diagnostics) what the investigation job does, as it does it.</summary>
public sealed class FiringMonitor
{
    public event EventHandler<ThreatOutcome>? ThreatRecorded;

    public event EventHandler<FiringSummary>? FiringCompleted;

    public FiringSummary? Last { get; private set; }

    private int _skipped;

    /// <summary>Firings that came due while the previous one was still running, and were skipped.</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    internal void OnFiringSkipped() => Interlocked.Increment(ref _skipped);

    internal void OnThreatRecorded(ThreatOutcome outcome) => ThreatRecorded?.Invoke(this, outcome);

    internal void OnFiringCompleted(FiringSummary summary)
    {
        Last = summary;
        FiringCompleted?.Invoke(this, summary);
    }
}
