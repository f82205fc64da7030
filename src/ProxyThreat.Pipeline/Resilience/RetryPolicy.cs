using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ProxyThreat.Pipeline.Resilience;

/// <summary>
/// One adapter's resilience: retries with exponential, jittered backoff of what can pass, inside a time budget
/// for the whole operation. Retries wrap whole operations (a streamed parse, redirects, failover), not single
/// HTTP exchanges.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly ResiliencePipeline _pipeline;
    private readonly RetrySettings _settings;

    /// <param name="isTransient">Whether a failure can pass on a later try.</param>
    /// <param name="onRetry">Told of each retry: the try that failed (1 for the first), the wait, the failure.</param>
    public RetryPolicy(RetrySettings settings, Func<Exception, bool> isTransient, Action<int, TimeSpan, Exception> onRetry, TimeProvider timeProvider)
    {
        _settings = settings;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.Budget });
        if (settings.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && isTransient(e)),
                MaxRetryAttempts = settings.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.FirstDelay,
                MaxDelay = settings.MaxDelay,
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="operation"/> until it succeeds, fails in a way that cannot pass, runs out of retries, or
    /// runs out of budget; then <paramref name="outOfBudget"/> makes the failure from the last try's (null when
    /// the first try was still running) and a sentence naming the budget and its key.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> operation, Func<Exception?, string, Exception> outOfBudget, CancellationToken cancellationToken)
    {
        Exception? last = null;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await operation(token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        last = e;
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw outOfBudget(last, $"gave up after {_settings.Budget} ({_settings.BudgetKey})");
        }
    }
}
