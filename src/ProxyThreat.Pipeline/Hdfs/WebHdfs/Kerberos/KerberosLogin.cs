using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos.Internal;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

/// <summary>
/// The worker's Kerberos identity. .NET answers a NameNode's <c>WWW-Authenticate: Negotiate</c> with the process's
/// default GSSAPI credentials; this makes sure there are some before a call, and says whose they are or why there
/// are none. With a keytab it points MIT Kerberos, for the whole process, at that keytab as the client keytab and
/// at a private in-memory ticket cache: GSSAPI then gets a ticket from the keytab when it needs one and gets a new
/// one once the current one is half way to expiry (or has expired), so a service needs no kinit and no cron.
/// </summary>
internal sealed class KerberosLogin
{
    /// <summary>The in-memory ticket cache of a keytab login: the process's own, never an operator's cache.</summary>
    public const string KeytabCache = "MEMORY:proxythreat";

    private static readonly KerberosLogin TicketCache = new(null, null);
    private static readonly Lock Gate = new();
    private static KerberosLogin? _keytabLogin;

    private readonly string? _keytab;
    private readonly string? _principal;

    private KerberosLogin(string? keytab, string? principal)
    {
        _keytab = keytab;
        _principal = principal;
    }

    /// <summary>Where the tickets come from, for messages.</summary>
    public string Source => _keytab is null
        ? $"the ticket cache {Environment.GetEnvironmentVariable("KRB5CCNAME") ?? "(the default one; KRB5CCNAME is not set)"}"
        : $"the keytab {_keytab}";

    /// <summary>
    /// The login the options ask for. A keytab login changes the process's environment (<c>KRB5_CLIENT_KTNAME</c>,
    /// <c>KRB5CCNAME</c>), so a process has at most one, made before its first Kerberos call.
    /// </summary>
    public static KerberosLogin For(KerberosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Keytab))
        {
            return TicketCache;
        }

        var keytab = Path.GetFullPath(options.Keytab);
        var principal = options.Principal ?? throw new ArgumentException("a keytab login needs a principal", nameof(options));
        lock (Gate)
        {
            if (_keytabLogin is null)
            {
                NativeEnvironment.Set("KRB5_CLIENT_KTNAME", "FILE:" + keytab);
                NativeEnvironment.Set("KRB5CCNAME", KeytabCache);
                _keytabLogin = new KerberosLogin(keytab, principal);
            }
            else if (_keytabLogin._keytab != keytab || _keytabLogin._principal != principal)
            {
                throw new InvalidOperationException(
                    $"this process already logs in as {_keytabLogin._principal} with {_keytabLogin._keytab}; a process has one Kerberos identity");
            }

            return _keytabLogin;
        }
    }

    /// <summary>
    /// Makes sure the worker holds a ticket it can authenticate with, getting a new one from the keytab when due.
    /// It may ask the KDC, so it can block for the KDC's timeout.
    /// </summary>
    /// <exception cref="KerberosLoginException">There is no usable ticket; the message says what to run.</exception>
    public KerberosTicket Login(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        string? principal;
        uint lifetime;
        try
        {
            (principal, lifetime) = Gssapi.AcquireInitiatorCredentials(_principal);
        }
        catch (GssapiException e)
        {
            throw _keytab is null
                ? new KerberosLoginException($"Kerberos: no ticket to authenticate with ({e.Message}); {TicketCacheRemedy}", isTransient: false, e)
                : new KerberosLoginException(
                    $"Kerberos: could not log in as {_principal} with {Source} ({e.Message}); {KeytabRemedy}",
                    isTransient: e.MinorStatus == Gssapi.KdcUnreachable,
                    e);
        }
        catch (DllNotFoundException e)
        {
            throw new KerberosLoginException(
                "Kerberos: MIT Kerberos's GSSAPI library (libgssapi_krb5.so.2) is not installed; install it (Debian and Ubuntu: libgssapi-krb5-2, RHEL: krb5-libs)",
                isTransient: false,
                e);
        }

        if (principal is null)
        {
            // A keytab login has an expired ticket only when getting a new one failed, which GSSAPI keeps quiet about.
            throw _keytab is null
                ? new KerberosLoginException($"Kerberos: the ticket in {Source} has expired; {TicketCacheRemedy}", isTransient: false)
                : new KerberosLoginException($"Kerberos: the ticket of {_principal} has expired and no new one came from {Source}; {KeytabRemedy}", isTransient: true);
        }

        return new KerberosTicket(principal, Source, time.GetUtcNow().AddSeconds(lifetime));
    }

    private static string TicketCacheRemedy =>
        "run kinit as the worker's user (with the worker's KRB5CCNAME), or set Hdfs:WebHdfs:Kerberos:Keytab and Hdfs:WebHdfs:Kerberos:Principal so that the worker logs in by itself";

    private string KeytabRemedy =>
        $"check that the keytab holds the principal (klist -k {_keytab}) and that the KDC accepts it (kinit -c MEMORY:check -k -t {_keytab} {_principal}, as the worker's user)";
}
