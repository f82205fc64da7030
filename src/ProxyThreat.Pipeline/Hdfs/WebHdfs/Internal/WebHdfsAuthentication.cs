using Microsoft.Extensions.Logging;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>
/// What the credentials of <see cref="WebHdfsOptions.Auth"/> need around a call: a Kerberos ticket before it, and,
/// when a server refuses them, a message naming the credentials and saying what to do.
/// </summary>
internal sealed class WebHdfsAuthentication
{
    private readonly WebHdfsAuth _auth;
    private readonly KerberosLogin? _kerberos;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private string? _principal;

    public WebHdfsAuthentication(WebHdfsOptions options, ILogger logger, TimeProvider time)
    {
        _auth = options.Auth;
        _kerberos = options.Auth == WebHdfsAuth.Kerberos ? KerberosLogin.For(options.Kerberos) : null;
        _logger = logger;
        _time = time;
    }

    /// <summary>Before a call to a NameNode: with Kerberos, a ticket for .NET to answer the server's challenge with.</summary>
    public void BeforeCall(WebHdfsCall call)
    {
        if (_kerberos is null)
        {
            return;
        }

        KerberosTicket ticket;
        try
        {
            ticket = _kerberos.Login(_time);
        }
        catch (KerberosLoginException e)
        {
            throw WebHdfsFailure.Other(call, null, e.Message, e.IsTransient).ToException(e);
        }

        if (Interlocked.Exchange(ref _principal, ticket.Principal) != ticket.Principal)
        {
            Log.KerberosLoggedIn(_logger, ticket.Principal, ticket.Source, ticket.Expires);
        }
    }

    /// <summary>The failure of a server that refused the configured credentials, saying so; null for any other failure.</summary>
    public WebHdfsFailure? Refused(WebHdfsCall call, int status, RemoteError? error, Uri server)
    {
        switch (_auth)
        {
            // A Kerberos NameNode answers 401 until SPNEGO succeeds, and 403 with a page (not JSON) to a ticket it rejects.
            case WebHdfsAuth.Kerberos when status == 401 || (status == 403 && error is null):
                var host = server.IdnHost;
                return WebHdfsFailure.Other(
                    call,
                    status,
                    $"{server.Authority} refused the Kerberos ticket of {Volatile.Read(ref _principal)} (HTTP {status}); check that the KDC issues tickets "
                    + $"for HTTP/{host} (kvno HTTP/{host}, as the worker's user), that the server's keytab holds that principal's current keys, "
                    + "and that both hosts' clocks agree",
                    transient: false);

            // Hadoop answers a bad token with InvalidToken, or a SecurityException wrapping it (401 or 403 by version).
            case WebHdfsAuth.Token when error?.Exception is "InvalidToken" or "SecurityException" || (status == 401 && error is null):
                var advice = $"{server.Authority} did not accept {WebHdfsOptions.Section}:DelegationToken: get a new token "
                    + $"(curl --negotiate -u : '{server.GetLeftPart(UriPartial.Authority)}/webhdfs/v1/?op=GETDELEGATIONTOKEN' with a Kerberos ticket) "
                    + $"and set it, or use {WebHdfsOptions.Section}:Auth=kerberos with a keytab, which needs no token";
                return (error is null ? WebHdfsFailure.Other(call, status, $"HTTP {status}", transient: false) : WebHdfsFailure.Remote(call, status, error))
                    with { Advice = advice, IsTransient = false };

            default:
                return null;
        }
    }
}
