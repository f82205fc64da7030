using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;
using ProxyThreat.Pipeline.Tls;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>
/// Checks <see cref="WebHdfsOptions"/> at start: the ranges its annotations declare, then what they cannot say; every
/// failure names its configuration key.
/// </summary>
public sealed class WebHdfsOptionsValidator : IValidateOptions<WebHdfsOptions>
{
    private const string Section = WebHdfsOptions.Section;

    private static readonly WebHdfsOptionsAnnotationsValidator Annotations = new();

    public ValidateOptionsResult Validate(string? name, WebHdfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(Annotations.Validate(Section, options).Failures ?? []);

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

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > WebHdfsDefaults.MaxRetryDelay)
        {
            failures.Add($"{Section}:MaxRetryDelay: {options.MaxRetryDelay} is outside {Section}:RetryDelay ({options.RetryDelay})..{WebHdfsDefaults.MaxRetryDelay}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
