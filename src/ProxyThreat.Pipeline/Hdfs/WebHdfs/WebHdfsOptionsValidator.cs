using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>Checks <see cref="WebHdfsOptions"/> at start; every failure names its configuration key.</summary>
public sealed class WebHdfsOptionsValidator : IValidateOptions<WebHdfsOptions>
{
    private const string Section = WebHdfsConstants.SectionName;

    public ValidateOptionsResult Validate(string? name, WebHdfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.NameNodes.Count == 0)
        {
            failures.Add($"{Section}:NameNodes: at least one NameNode base URL is required (http://nn1:9870).");
        }

        for (var i = 0; i < options.NameNodes.Count; i++)
        {
            var text = options.NameNodes[i];
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            {
                failures.Add($"{Section}:NameNodes:{i}: '{text}' is not a base URL like http://nn1:9870 (no path, query or user).");
            }
        }

        if (!Enum.IsDefined(options.Gateway))
        {
            failures.Add($"{Section}:Gateway: must be webhdfs or httpfs.");
        }

        switch (options.Auth)
        {
            case WebHdfsAuth.Simple when string.IsNullOrWhiteSpace(options.User):
                failures.Add($"{Section}:User: a user is required with Auth=simple.");
                break;
            case WebHdfsAuth.Token when string.IsNullOrWhiteSpace(options.DelegationToken):
                failures.Add($"{Section}:DelegationToken: a token is required with Auth=token.");
                break;
            case WebHdfsAuth.Simple or WebHdfsAuth.Token or WebHdfsAuth.Kerberos:
                break;
            default:
                failures.Add($"{Section}:Auth: must be simple, token or kerberos.");
                break;
        }

        failures.AddRange(KerberosOptionsValidator.Validate(options.Auth, options.Kerberos));

        if (HttpHandlers.CaBundleProblem(options.CaBundlePath, $"{Section}:CaBundlePath") is { } bundleProblem)
        {
            failures.Add(bundleProblem);
        }

        if (options.Timeout < WebHdfsConstants.MinTimeout || options.Timeout > WebHdfsConstants.MaxTimeout)
        {
            failures.Add($"{Section}:Timeout: {options.Timeout} is outside {WebHdfsConstants.MinTimeout}..{WebHdfsConstants.MaxTimeout}.");
        }

        if (options.Retries < 0 || options.Retries > WebHdfsConstants.MaxRetries)
        {
            failures.Add($"{Section}:Retries: {options.Retries} is outside 0..{WebHdfsConstants.MaxRetries}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > WebHdfsConstants.MaxRetryDelay)
        {
            failures.Add($"{Section}:RetryDelay: {options.RetryDelay} is outside 0..{WebHdfsConstants.MaxRetryDelay}.");
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > WebHdfsConstants.MaxRetryDelay)
        {
            failures.Add($"{Section}:MaxRetryDelay: {options.MaxRetryDelay} is outside {Section}:RetryDelay ({options.RetryDelay})..{WebHdfsConstants.MaxRetryDelay}.");
        }

        if (options.RetryBudget < WebHdfsConstants.MinRetryBudget || options.RetryBudget > WebHdfsConstants.MaxRetryBudget)
        {
            failures.Add($"{Section}:RetryBudget: {options.RetryBudget} is outside {WebHdfsConstants.MinRetryBudget}..{WebHdfsConstants.MaxRetryBudget}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
