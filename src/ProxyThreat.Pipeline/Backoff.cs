namespace ProxyThreat.Pipeline;

/// <summary>The wait before a retry of the HTTP adapters: exponential, capped, and jittered.</summary>
internal static class Backoff
{
    /// <summary>
    /// <paramref name="first"/> doubled for each attempt after the first, at most <paramref name="cap"/>, then
    /// scaled into [50%, 100%) so that callers retrying together spread out.
    /// </summary>
    public static TimeSpan Delay(TimeSpan first, int attempt, TimeSpan cap)
    {
        var exponential = Math.Min(first.TotalMilliseconds * Math.Pow(2, attempt - 1), cap.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        return TimeSpan.FromMilliseconds(exponential * (0.5 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }
}
