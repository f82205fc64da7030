using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// Checks the <c>Notify</c> section at start for what its annotations cannot say (<see cref="NotifyOptionsAnnotationsValidator"/>
/// checks the ranges, that each webhook has a URL and that TheHive's organisation is a single line); each message names the key at fault, never a secret's value.
/// </summary>
public sealed class NotifyOptionsValidator : IValidateOptions<NotifyOptions>
{
    private const string Section = NotifyOptions.Section;

    public ValidateOptionsResult Validate(string? name, NotifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hive = options.TheHive;
        if (hive.Url is not null)
        {
            CheckUrl(hive.Url, $"{Section}:TheHive:Url", failures);
            if (string.IsNullOrWhiteSpace(hive.ApiKey))
            {
                failures.Add($"{Section}:TheHive:ApiKey is required with {Section}:TheHive:Url: TheHive's API key of the user the alerts are created as");
            }
            else if (!HeaderText.IsSingleLine(hive.ApiKey))
            {
                failures.Add($"{Section}:TheHive:ApiKey must be a single-line value");
            }
            else if (!HeaderText.IsAscii(hive.ApiKey))
            {
                failures.Add($"{Section}:TheHive:ApiKey {HeaderText.NotAscii}");
            }

            if (string.IsNullOrWhiteSpace(hive.Source))
            {
                failures.Add($"{Section}:TheHive:Source must not be empty");
            }

            CheckBundle(hive.CaBundlePath, $"{Section}:TheHive:CaBundlePath", failures);
        }
        else if (!string.IsNullOrEmpty(hive.ApiKey))
        {
            failures.Add($"{Section}:TheHive:ApiKey is set but {Section}:TheHive:Url is not: set the URL of TheHive, or remove the key");
        }

        if (hive.Url is null && !string.IsNullOrEmpty(hive.Organisation))
        {
            failures.Add($"{Section}:TheHive:Organisation is set but {Section}:TheHive:Url is not: set the URL of TheHive, or remove the organisation");
        }

        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var key = $"{Section}:Webhooks:{i}";
            if (webhook.Url is not null)
            {
                CheckUrl(webhook.Url, $"{key}:Url", failures);
            }

            foreach (var (header, value) in webhook.Headers)
            {
                if (!HeaderText.IsName(header))
                {
                    failures.Add($"{key}:Headers has a key that is not a valid HTTP header name");
                }
                else if (value is null || !HeaderText.IsSingleLine(value))
                {
                    failures.Add($"{key}:Headers:{header} must be a single-line value");
                }
                else if (!HeaderText.IsAscii(value))
                {
                    failures.Add($"{key}:Headers:{header} {HeaderText.NotAscii}");
                }
            }

            CheckBundle(webhook.CaBundlePath, $"{key}:CaBundlePath", failures);
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > options.MaxRetryDelay)
        {
            failures.Add($"{Section}:RetryDelay must be more than 00:00:00 and at most {Section}:MaxRetryDelay ({options.MaxRetryDelay})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(Uri url, string key, List<string> failures)
    {
        // The URL may hold a token (a chat relay's path), so the message does not repeat it.
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{key} must be an absolute http or https URL");
        }
    }

    private static void CheckBundle(string? path, string key, List<string> failures)
    {
        if (HttpHandlers.CaBundleProblem(path, key) is { } problem)
        {
            failures.Add(problem);
        }
    }

}
