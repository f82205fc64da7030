using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Notify;
using ProxyThreat.Worker.Scheduling;

namespace ProxyThreat.Worker.Tests.Cli;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Run_NoLedgerYet_SaysSoAndCreatesNothing()
    {
        var path = Path.Join(Path.GetTempPath(), "proxythreat-status-" + Guid.NewGuid().ToString("N"), "ledger.db");
        var state = Options.Create(new StateOptions { Path = path });
        using var receivers = new NotifyReceivers(Options.Create(new NotifyOptions()), TimeProvider.System);
        var status = new StatusCommand(new ThreatLedger(state), new DeliveryLedger(state), receivers, new HookLedger(state), Options.Create(new ScheduleOptions()), TimeProvider.System);
        using var output = new StringWriter();

        var code = await status.RunAsync(CommandLine.Parse(["status"]), output, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal($"no ledger at {path}: nothing has been investigated with this State:Path yet{Environment.NewLine}", output.ToString());
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }
}
