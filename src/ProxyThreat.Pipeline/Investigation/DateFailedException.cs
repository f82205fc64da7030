namespace ProxyThreat.Pipeline.Investigation;

/// <summary>
/// A date that failed as a whole after its threats were known (a corrupt raw partition, a storyboard that cannot be
/// read): carries the cause and the threats that got no outcome, so they are reported as not attempted.
/// </summary>
public sealed class DateFailedException : Exception
{
    public DateFailedException(DateOnly date, IReadOnlyList<string> notAttempted, Exception innerException)
        : base(innerException?.Message, innerException)
    {
        Date = date;
        NotAttempted = notAttempted;
    }

    public DateOnly Date { get; }

    /// <summary>The threats of the date that were neither investigated nor dismissed nor skipped.</summary>
    public IReadOnlyList<string> NotAttempted { get; }
}
