using System.Diagnostics;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Scheduling;

namespace ProxyThreat.Worker.Tests.Scheduling;

/// <summary>The real Quartz scheduler, firing every second, over real tables, outputs and ledger.</summary>
public sealed class InvestigationJobTests : IAsyncLifetime
{
    private static readonly string A = ServiceHarness.Uri(1);
    private static readonly string B = ServiceHarness.Uri(2);
    private static readonly string C = ServiceHarness.Uri(3);
    private static readonly string D = ServiceHarness.Uri(4);
    private readonly ServiceHarness _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _service.CleanUpAsync();

    [Fact]
    public async Task Firing_First_InvestigatesEveryThreat_NextDoesNothing()
    {
        await _service.SeedAsync([A, B, D]);
        await _service.DecideAsync([(B, "Analyst title", "investigate"), (D, "Noise", "dismiss")]);
        await _service.StartAsync();

        var first = await _service.NextFiringAsync();
        var second = await _service.NextFiringAsync();

        Assert.False(first.Cancelled);
        Assert.Equal([(A, ThreatStatus.Written), (B, ThreatStatus.Written), (D, ThreatStatus.Dismissed)], first.Outcomes.Select(o => (o.Uri, o.Status)).Order());
        Assert.Empty(second.Outcomes);
        Assert.True(File.Exists(_service.ProgressionPath(A)));
        Assert.False(File.Exists(_service.ProgressionPath(D)));
        var ledger = await _service.Ledger.ReadDateAsync(ServiceHarness.Today, CancellationToken.None);
        Assert.Equal((LedgerState.Done, 2, 0), (ledger[A].State, ledger[A].Rows, ledger[A].Attempts));
        Assert.Equal(("Analyst title", "investigate"), (ledger[B].Inputs.Title, ledger[B].Inputs.Action));
        Assert.Equal(LedgerState.Dismissed, ledger[D].State);
    }

    [Fact]
    public async Task Firing_ChangedDecisionAndNewlyScoredUri_PicksUpOnlyThose()
    {
        await _service.SeedAsync([A, B, D], requested: [A, B, C, D]);
        await _service.DecideAsync([(D, "Noise", "dismiss")]);
        await _service.StartAsync();
        await _service.FiringsUntilAsync(f => f.Outcomes.Count > 0);
        await _service.NextFiringAsync();

        await _service.DecideAsync([(B, "Exfiltration", "investigate"), (D, "Noise", "dismiss")]);
        await _service.ScoreAsync([A, B, C, D]);
        var seen = new HashSet<string>();
        var firings = await _service.FiringsUntilAsync(f =>
        {
            seen.UnionWith(f.Outcomes.Select(o => o.Uri));
            return seen.IsSupersetOf([B, C]);
        });
        var after = await _service.NextFiringAsync();

        var redone = firings.SelectMany(f => f.Outcomes).Select(o => (o.Uri, o.Status)).Order().ToList();
        Assert.Equal([(B, ThreatStatus.Written), (C, ThreatStatus.Written)], redone);
        Assert.Empty(after.Outcomes);
        var ledger = await _service.Ledger.ReadDateAsync(ServiceHarness.Today, CancellationToken.None);
        Assert.Equal("Exfiltration", ledger[B].Inputs.Title);
        Assert.Equal(LedgerState.Done, ledger[C].State);
    }

    [Fact]
    public async Task Firing_FailingThreat_IsRetriedThenGivenUp_AndTheOthersAreNotRedone()
    {
        await _service.SeedAsync([A, B]);

        // A directory where B's incident-progression file goes: every write of B fails, A's are untouched.
        Directory.CreateDirectory(_service.ProgressionPath(B));
        await _service.StartAsync("--State:MaxAttempts=3");

        var firings = await _service.FiringsUntilAsync(f => f.Outcomes.Count == 0);
        firings.AddRange([await _service.NextFiringAsync(), await _service.NextFiringAsync()]);

        var outcomes = firings.SelectMany(f => f.Outcomes).ToList();
        Assert.Equal([ThreatStatus.Written], outcomes.Where(o => o.Uri == A).Select(o => o.Status));
        Assert.Equal([ThreatStatus.Failed, ThreatStatus.Failed, ThreatStatus.Failed], outcomes.Where(o => o.Uri == B).Select(o => o.Status));
        var entry = (await _service.Ledger.ReadDateAsync(ServiceHarness.Today, CancellationToken.None))[B];
        Assert.Equal((LedgerState.GivenUp, 3, (DateTimeOffset?)null), (entry.State, entry.Attempts, entry.LastSuccessAt));
        Assert.False(string.IsNullOrEmpty(entry.LastError));
        Assert.All(firings.Skip(3), f => Assert.Empty(f.Outcomes));
    }

    [Fact]
    public async Task Stop_MidFiring_CancelsPromptlyAndLeavesOutputsAndLedgerConsistent()
    {
        var uris = Enumerable.Range(100, 150).Select(ServiceHarness.Uri).ToList();
        await _service.SeedAsync(uris);
        await _service.StartAsync("--Investigation:MaxParallelThreats=1", "--Schedule:ShutdownTimeout=00:00:10");

        await _service.UntilLedgerAsync(entries => entries.Count >= 5);
        var stopping = Stopwatch.StartNew();
        var firings = _service.Firings;
        await _service.StopAsync();
        stopping.Stop();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stop took {stopping.Elapsed}");
        Assert.True(firings.Last?.Cancelled, "the firing should have been cancelled");
        var done = (await _service.Ledger.ReadDateAsync(ServiceHarness.Today, CancellationToken.None)).Values.ToList();
        Assert.InRange(done.Count, 5, uris.Count - 1);
        Assert.All(done, e =>
        {
            Assert.Equal(LedgerState.Done, e.State);
            Assert.True(File.Exists(_service.ProgressionPath(e.Uri)), e.Uri);
            Assert.True(File.Exists(_service.StoryboardRowsPath(e.Uri)), e.Uri);
        });

        await _service.StartAsync();
        var resumed = await _service.NextFiringAsync();

        Assert.Equal(uris.Except(done.Select(e => e.Uri)).Order(), resumed.Outcomes.Select(o => o.Uri).Order());
        Assert.All(resumed.Outcomes, o => Assert.Equal(ThreatStatus.Written, o.Status));
        Assert.Equal(uris.Count, (await _service.Ledger.ReadDateAsync(ServiceHarness.Today, CancellationToken.None)).Values.Count(e => e.State == LedgerState.Done));
    }

    [Fact]
    public async Task Firing_StillRunningWhenTheCronComesDue_IsNotOverlappedAndTheMissedFiringsAreSkipped()
    {
        await _service.SeedAsync([A]);

        // A FIFO for the decisions file: the first firing blocks reading it until the test writes.
        File.Delete(_service.DecisionsPath);
        using (var mkfifo = Process.Start("mkfifo", [_service.DecisionsPath]))
        {
            await mkfifo.WaitForExitAsync();
        }

        await _service.StartAsync();
        await _service.Firings.UntilCronFiringMisfiresAsync();

        // Release the blocked reader with an empty file, after an empty regular file has taken the FIFO's
        // place, so no later firing can block on it.
        var empty = Path.Join(_service.Dir, "empty.jsonl");
        await File.WriteAllTextAsync(empty, string.Empty);
        await using (new FileStream(_service.DecisionsPath, FileMode.Open, FileAccess.Write))
        {
            File.Move(empty, _service.DecisionsPath, overwrite: true);
        }

        var first = await _service.NextFiringAsync();
        var next = await _service.NextFiringAsync();

        Assert.True(_service.Firings.Skipped > 0, "the cron firings missed while the first one ran should be skipped and logged");
        Assert.Equal([A], first.Outcomes.Select(o => o.Uri));
        Assert.Empty(next.Outcomes);
    }
}
