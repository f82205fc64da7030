using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos.Internal;

namespace ProxyThreat.Kerberos.Tests.Fixtures;

/// <summary>
/// A Kerberos realm of its own on loopback: an MIT KDC on a free port with a database, a <c>krb5.conf</c> and
/// keytabs in a temporary folder, stopped and deleted afterwards. Its principals: the worker (in a keytab, after a
/// decoy, with tickets that live two seconds), an analyst with a password (for kinit) and <c>HTTP/localhost</c>,
/// whose keytab is this process's default one, for the SPNEGO gate. This process reads the realm's
/// <c>krb5.conf</c> through <c>KRB5_CONFIG</c>.
/// </summary>
public sealed class LoopbackRealm : IAsyncLifetime
{
    public const string Realm = "PROXYTHREAT.TEST";
    public const string Worker = "worker@" + Realm;
    public const string Decoy = "decoy@" + Realm;
    public const string Analyst = "analyst@" + Realm;
    public const string Service = "HTTP/localhost@" + Realm;

    /// <summary>The worker's tickets live this long, so a test outlives several of them.</summary>
    public static readonly TimeSpan WorkerTicketLifetime = TimeSpan.FromSeconds(2);

    private static readonly string[] Tools = ["kdb5_util", "kadmin.local", "krb5kdc", "kinit", "sh"];

    // Runs the KDC ($0) and kills it when its input closes: when this fixture is done, or when this process dies,
    // however it dies, so that no KDC outlives the tests.
    // (A background job reads /dev/null unless told otherwise: hence the input kept as descriptor 3.)
    private const string KdcUntilInputCloses =
        "exec 3<&0; \"$0\" -n -r \"$1\" -P \"$2\" </dev/null 3<&- & kdc=$!; (read -r _ <&3; kill \"$kdc\") & wait \"$kdc\"";

    // kdb5_util, kadmin.local and krb5kdc live in sbin, which an unprivileged PATH lacks.
    private static readonly string[] ToolFolders = [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'), "/usr/sbin", "/sbin", "/usr/local/sbin"];

    private readonly string _password = Guid.NewGuid().ToString("N");
    private Process? _kdc;

    /// <summary>Why the realm cannot be made here (the tools are missing), or null.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    public string Folder { get; private set; } = "";

    /// <summary>The realm's <c>krb5.conf</c>, for <c>KRB5_CONFIG</c>.</summary>
    public string Config => Path.Join(Folder, "krb5.conf");

    /// <summary>The keys of <see cref="Decoy"/>, then of <see cref="Worker"/>.</summary>
    public string WorkerKeytab => Path.Join(Folder, "worker.keytab");

    private string KdcLog => Path.Join(Folder, "kdc.log");

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Folder = Directory.CreateTempSubdirectory("proxythreat-realm-").FullName;
        var port = FreePort();
        await WriteConfigurationAsync(port);
        await RunAsync("kdb5_util", null, "create", "-s", "-r", Realm, "-P", _password, "-W");
        await RunAsync("kadmin.local", string.Join('\n',
            $"addprinc -randkey -maxlife {WorkerTicketLifetime.TotalSeconds}s {Worker}",
            $"addprinc -randkey {Decoy}",
            $"addprinc -pw {_password} {Analyst}",
            $"addprinc -randkey {Service}",
            $"ktadd -k {WorkerKeytab} {Decoy}",
            $"ktadd -k {WorkerKeytab} {Worker}",
            $"ktadd -k {Path.Join(Folder, "http.keytab")} {Service}",
            ""), "-r", Realm);
        if (!File.Exists(WorkerKeytab) || !File.Exists(Path.Join(Folder, "http.keytab")))
        {
            throw new InvalidOperationException("kadmin.local made no keytabs");
        }

        await StartKdcAsync(port);

        // Before this process's first Kerberos call, which reads them; the gate's replay cache stays in the realm's folder.
        NativeEnvironment.Set("KRB5_CONFIG", Config);
        NativeEnvironment.Set("KRB5RCACHEDIR", Folder);
    }

    public async Task DisposeAsync()
    {
        if (_kdc is not null)
        {
            await StopAsync(_kdc);
            _kdc.Dispose();
        }

        if (Folder.Length > 0)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>Gets the analyst a ticket into a cache file, as <c>kinit</c> does for an operator.</summary>
    public Task KinitAnalystAsync(string cache, TimeSpan lifetime) =>
        RunAsync("kinit", _password + "\n", "-c", "FILE:" + cache, "-l", $"{lifetime.TotalSeconds}s", Analyst);

    /// <summary>How many initial tickets (AS requests) the KDC has issued to a principal so far.</summary>
    public int InitialTicketsIssuedTo(string principal)
    {
        var issued = new Regex($@"AS_REQ .*: ISSUE: .*, {Regex.Escape(principal)} for krbtgt/", RegexOptions.CultureInvariant);
        using var log = new StreamReader(new FileStream(KdcLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var count = 0;
        while (log.ReadLine() is { } line)
        {
            count += issued.IsMatch(line) ? 1 : 0;
        }

        return count;
    }

    private static string? FindSkipReason()
    {
        var missing = Tools.Where(t => Find(t) is null).ToList();
        return missing.Count == 0
            ? null
            : $"MIT Kerberos is not installed here ({string.Join(", ", missing)} not found); .ci/run installs krb5-kdc, krb5-admin-server and krb5-user";
    }

    private static string? Find(string tool) =>
        ToolFolders.Where(f => f.Length > 0).Select(f => Path.Join(f, tool)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartKdcAsync(int port)
    {
        // Another process may take the free port before the KDC binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            var kdc = Start("sh", "-c", KdcUntilInputCloses, Find("krb5kdc")!, Realm, Path.Join(Folder, "kdc.pid"));
            if (await AcceptsConnectionsAsync(kdc, port))
            {
                _kdc = kdc;
                return;
            }

            await StopAsync(kdc);
            var error = await kdc.StandardError.ReadToEndAsync();
            kdc.Dispose();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"krb5kdc did not start: {error}");
            }

            port = FreePort();
            await WriteConfigurationAsync(port);
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(Process kdc, int port)
    {
        for (var probe = 0; probe < 100 && !kdc.HasExited; probe++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            }
        }

        return false;
    }

    private static async Task StopAsync(Process kdc)
    {
        kdc.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await kdc.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            kdc.Kill(entireProcessTree: true);
            await kdc.WaitForExitAsync();
        }
    }

    private async Task WriteConfigurationAsync(int port)
    {
        await File.WriteAllTextAsync(Config, $$"""
            [libdefaults]
                default_realm = {{Realm}}
                default_keytab_name = FILE:{{Path.Join(Folder, "http.keytab")}}
                dns_lookup_kdc = false
                dns_lookup_realm = false
                dns_canonicalize_hostname = false
                rdns = false
                udp_preference_limit = 1
            [realms]
                {{Realm}} = {
                    kdc = 127.0.0.1:{{port}}
                }
            [domain_realm]
                localhost = {{Realm}}
            """);
        await File.WriteAllTextAsync(Path.Join(Folder, "kdc.conf"), $$"""
            [kdcdefaults]
                kdc_listen = 127.0.0.1:{{port}}
                kdc_tcp_listen = 127.0.0.1:{{port}}
            [realms]
                {{Realm}} = {
                    database_name = {{Path.Join(Folder, "principal")}}
                    key_stash_file = {{Path.Join(Folder, "stash")}}
                    acl_file = {{Path.Join(Folder, "kadm5.acl")}}
                    max_life = 1h
                    max_renewable_life = 0
                }
            [logging]
                kdc = FILE:{{KdcLog}}
            """);
    }

    private Process Start(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Find(tool)!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KRB5_CONFIG"] = Config;
        start.Environment["KRB5_KDC_PROFILE"] = Path.Join(Folder, "kdc.conf");
        return Process.Start(start)!;
    }

    private async Task RunAsync(string tool, string? input, params string[] args)
    {
        using var process = Start(tool, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
