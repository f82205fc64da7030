using Microsoft.Extensions.Options;

using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// Checks <see cref="GraphQLSourceOptions"/> at start: the ranges its annotations declare, then what they cannot say;
/// each message names the key at fault.
/// </summary>
public sealed class GraphQLSourceOptionsValidator : IValidateOptions<GraphQLSourceOptions>
{
    private const string Section = GraphQLSourceOptions.Section;

    private static readonly GraphQLSourceOptionsAnnotationsValidator Annotations = new();

    public ValidateOptionsResult Validate(string? name, GraphQLSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(Annotations.Validate(Section, options).Failures ?? []);

        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Section}:Endpoint must be an absolute http or https URL");
        }

        foreach (var (header, value) in options.Headers)
        {
            // The value is a secret: the message names the header only.
            if (!HeaderText.IsName(header))
            {
                failures.Add($"{Section}:Headers has a key that is not a valid HTTP header name");
            }
            else if (value is null || !HeaderText.IsSingleLine(value))
            {
                failures.Add($"{Section}:Headers:{header} must be a single-line value");
            }
            else if (!HeaderText.IsAscii(value))
            {
                failures.Add($"{Section}:Headers:{header} {HeaderText.NotAscii}");
            }
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay || options.MaxRetryDelay > GraphQLSourceDefaults.MaxMaxRetryDelay)
        {
            failures.Add($"{Section}:MaxRetryDelay must be between {Section}:RetryBaseDelay ({options.RetryBaseDelay}) and {GraphQLSourceDefaults.MaxMaxRetryDelay}");
        }

        if (HttpHandlers.CaBundleProblem(options.CaBundlePath, $"{Section}:CaBundlePath") is { } bundleProblem)
        {
            failures.Add(bundleProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
