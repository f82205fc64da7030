using Microsoft.Extensions.Options;

using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>Checks <see cref="GraphQLSourceOptions"/> at start; each message names the key at fault.</summary>
public sealed class GraphQLSourceOptionsValidator : IValidateOptions<GraphQLSourceOptions>
{
    private const string Section = GraphQLSourceOptions.Section;

    public ValidateOptionsResult Validate(string? name, GraphQLSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Section}:Endpoint must be an absolute http or https URL");
        }

        foreach (var (header, value) in options.Headers)
        {
            // The value is a secret: the message names the header only.
            if (string.IsNullOrWhiteSpace(header) || header.Any(c => c <= ' ' || c >= 127 || c == ':'))
            {
                failures.Add($"{Section}:Headers has a key that is not a valid HTTP header name");
            }
            else if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                failures.Add($"{Section}:Headers:{header} must be a single-line value");
            }
        }

        if (options.Timeout < GraphQLSourceDefaults.MinTimeout || options.Timeout > GraphQLSourceDefaults.MaxTimeout)
        {
            failures.Add($"{Section}:Timeout must be between {GraphQLSourceDefaults.MinTimeout} and {GraphQLSourceDefaults.MaxTimeout}; got {options.Timeout}");
        }

        if (options.Retries is < 0 or > GraphQLSourceDefaults.MaxRetries)
        {
            failures.Add($"{Section}:Retries must be between 0 and {GraphQLSourceDefaults.MaxRetries}");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > GraphQLSourceDefaults.MaxRetryBaseDelay)
        {
            failures.Add($"{Section}:RetryBaseDelay must be between 00:00:00 and {GraphQLSourceDefaults.MaxRetryBaseDelay}");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay || options.MaxRetryDelay > GraphQLSourceDefaults.MaxMaxRetryDelay)
        {
            failures.Add($"{Section}:MaxRetryDelay must be between {Section}:RetryBaseDelay ({options.RetryBaseDelay}) and {GraphQLSourceDefaults.MaxMaxRetryDelay}");
        }

        if (options.RetryBudget < GraphQLSourceDefaults.MinRetryBudget || options.RetryBudget > GraphQLSourceDefaults.MaxRetryBudget)
        {
            failures.Add($"{Section}:RetryBudget must be between {GraphQLSourceDefaults.MinRetryBudget} and {GraphQLSourceDefaults.MaxRetryBudget}");
        }

        if (options.MaxParallelSearches is < 1 or > GraphQLSourceDefaults.MaxMaxParallelSearches)
        {
            failures.Add($"{Section}:MaxParallelSearches must be between 1 and {GraphQLSourceDefaults.MaxMaxParallelSearches}");
        }

        if (options.MemoryBudgetMiB is < 1 or > GraphQLSourceDefaults.MaxMemoryBudgetMiB)
        {
            failures.Add($"{Section}:MemoryBudgetMiB must be between 1 and {GraphQLSourceDefaults.MaxMemoryBudgetMiB}");
        }

        if (HttpHandlers.CaBundleProblem(options.CaBundlePath, $"{Section}:CaBundlePath") is { } bundleProblem)
        {
            failures.Add(bundleProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
