using System.Collections.Concurrent;
using System.Net.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>
/// SPNEGO in front of a NameNode, as Hadoop's Kerberos authentication filter does it: a call without a Negotiate
/// token is answered 401 with <c>WWW-Authenticate: Negotiate</c>, one whose token does not verify 403, and only an
/// authenticated one reaches the NameNode. Tokens are checked by .NET in server mode against the process's default
/// keytab (<c>KRB5_KTNAME</c>, or <c>default_keytab_name</c> in the <c>krb5.conf</c> that <c>KRB5_CONFIG</c> names).
/// </summary>
public sealed class SpnegoGate
{
    private const string Scheme = "Negotiate";

    /// <summary>The client principal of every call that got through, in order.</summary>
    public ConcurrentQueue<string> Principals { get; } = new();

    /// <summary>The calls turned away, with the reason the server gave.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>True when the call is authenticated and may go on; otherwise it has been answered.</summary>
    public async Task<bool> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            Refusals.Enqueue("no Negotiate token");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = Scheme;
            await context.Response.WriteAsync("<html><body><h2>HTTP ERROR 401</h2><p>Authentication required</p></body></html>");
            return false;
        }

        using var server = new NegotiateAuthentication(new NegotiateAuthenticationServerOptions { Package = Scheme });
        var answer = server.GetOutgoingBlob(header[(Scheme.Length + 1)..].Trim(), out var status);
        if (status != NegotiateAuthenticationStatusCode.Completed)
        {
            Refusals.Enqueue($"token refused: {status}");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"<html><body><h2>HTTP ERROR 403</h2><p>GSSException: {status}</p></body></html>");
            return false;
        }

        Principals.Enqueue(server.RemoteIdentity.Name ?? "");
        if (answer is not null)
        {
            // Mutual authentication: the server proves itself to the client with its own token.
            context.Response.Headers[HeaderNames.WWWAuthenticate] = $"{Scheme} {answer}";
        }

        return true;
    }
}
