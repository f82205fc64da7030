using Microsoft.Extensions.Logging.Testing;
using System.Text;
using Microsoft.Extensions.Logging;
using ProxyThreat.Kerberos.Tests.Fixtures;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;
using ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

namespace ProxyThreat.Kerberos.Tests.Hdfs.WebHdfs.Kerberos;

/// <summary>
/// A keytab login in this very process, as the service has it: the only test here whose worker runs in-process,
/// since the login points this process's Kerberos environment at the keytab for good.
/// </summary>
[Collection(SharedRealm.Name)]
public sealed class KerberosLoginTests
{
    private readonly LoopbackRealm _realm;

    public KerberosLoginTests(LoopbackRealm realm)
    {
        _realm = realm;
    }

    [KerberosFact]
    public async Task Calls_KeytabTicketsShorterThanTheRun_GetNewTicketsFromTheKeytabAndAllSucceed()
    {
        await using var webHdfs = await WebHdfsEmulator.StartAsync();
        var gate = new SpnegoGate();
        webHdfs.Spnego = gate;
        var logger = new FakeLogger<WebHdfsFileSystem>();
        var options = new WebHdfsOptions
        {
            Auth = WebHdfsAuth.Kerberos,
            Kerberos = { Keytab = _realm.WorkerKeytab, Principal = LoopbackRealm.Worker },
            Retries = 0,
        };
        options.NameNodes.Add(new UriBuilder(webHdfs.NameNode) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority));
        using var hdfs = new WebHdfsFileSystem(options, logger);
        var ticketsBefore = _realm.InitialTicketsIssuedTo(LoopbackRealm.Worker);

        // Two and a half ticket lifetimes of work, a call every 250 ms: with no new ticket, the calls after the first 2 s fail.
        var started = TimeProvider.System.GetTimestamp();
        for (var i = 0; i < 20; i++)
        {
            await hdfs.CreateAsync($"/d/{i}.txt", Encoding.UTF8.GetBytes($"file {i}"), CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        }

        Assert.True(TimeProvider.System.GetElapsedTime(started) > 2 * LoopbackRealm.WorkerTicketLifetime);
        Assert.Equal(20, Directory.GetFiles(webHdfs.Local("/d")).Length);
        Assert.Equal(20, gate.Principals.Count);
        Assert.All(gate.Principals, p => Assert.Equal(LoopbackRealm.Worker, p));
        Assert.All(webHdfs.CallsTo(webHdfs.NameNode), c => Assert.DoesNotContain("user.name=", c.Query, StringComparison.Ordinal));
        Assert.True(_realm.InitialTicketsIssuedTo(LoopbackRealm.Worker) - ticketsBefore >= 3, "the KDC should have issued a ticket per lifetime");
        var login = Assert.Single(logger.Collector.GetSnapshot(), e => e.Id.Id == 3101);
        Assert.Contains($"as {LoopbackRealm.Worker} with the keytab {_realm.WorkerKeytab}", login.Text(), StringComparison.Ordinal);
    }
}
