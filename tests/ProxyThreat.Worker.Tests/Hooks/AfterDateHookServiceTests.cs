using System.Globalization;
using Microsoft.Extensions.Options;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Scheduling;
using ProxyThreat.Worker.Tests.Scheduling;

namespace ProxyThreat.Worker.Tests.Hooks;

/// <summary>Hooks:AfterDate under the service: the real scheduler firing every second, a real script as the hook.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AfterDateHookServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _service.CleanUpAsync();

    private string Hooks => Path.Join(_service.Dir, "hooks");

    [Fact]
    public async Task Firing_ThatWrites_RunsTheHook_AFailedHookRunsAgainAtTheNextFiring_ThenNoMore()
    {
        await _service.SeedAsync([ServiceHarness.Uri(1)]);
        Directory.CreateDirectory(Hooks);
        var hook = Path.Join(Hooks, "refresh.sh");
        await File.WriteAllTextAsync(
            hook,
            "#!/bin/sh\ndir=$(dirname \"$0\")\nn=$(( $(cat \"$dir/runs\" 2>/dev/null || echo 0) + 1 ))\necho \"$n\" > \"$dir/runs\"\necho \"$PROXYTHREAT_DATE\" > \"$dir/date.$n\"\n[ \"$n\" -gt 1 ] || exit 4\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The hook's ledger entry as each firing left it: the next firing, a second later, may already be done
        // by the time the test reads.
        var entries = new Dictionary<FiringSummary, HookEntry?>(ReferenceEqualityComparer.Instance);
        await _service.StartAsync(async firing => entries[firing] = await HookEntryAsync(), $"--Hooks:AfterDate:0={hook}");

        var first = (await _service.FiringsUntilAsync(f => f.Outcomes.Count > 0))[^1];
        var retry = await _service.NextFiringAsync();
        await _service.NextFiringAsync();
        var (failed, succeeded) = (entries[first], entries[retry]);

        var today = ServiceHarness.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal((HookOutcome.Failed, 4, true), (failed!.Last!.Outcome, failed.Last.ExitCode, failed.IsDue));
        Assert.Empty(retry.Outcomes);
        Assert.Equal((HookOutcome.Succeeded, 0, false), (succeeded!.Last!.Outcome, succeeded.Last.ExitCode, succeeded.IsDue));
        Assert.Equal("2", (await File.ReadAllTextAsync(Path.Join(Hooks, "runs"))).Trim());
        Assert.Equal(today, (await File.ReadAllTextAsync(Path.Join(Hooks, "date.2"))).Trim());
    }

    private Task<HookEntry?> HookEntryAsync() =>
        new HookLedger(Options.Create(new StateOptions { Path = _service.LedgerPath })).ReadAsync(ServiceHarness.Today, CancellationToken.None);
}
