using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Tests.Ledger;

public sealed class ThreatLedgerTests : IDisposable
{
    private readonly string _dir = Path.Join(Path.GetTempPath(), "proxythreat-ledger-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_ThenRead_RoundTripsEveryFieldAndReplacesTheThreatsEntry()
    {
        var ledger = new ThreatLedger(Options.Create(new StateOptions { Path = Path.Join(_dir, "nested", "ledger.db") }));
        var at = new DateTimeOffset(2016, 7, 9, 6, 30, 0, TimeSpan.Zero);
        var failed = new LedgerEntry(new DateOnly(2016, 7, 8), "http://a/\"q\"ü", LedgerState.Failed, new ThreatInputs("1,2", "T", null, "investigate"), null, 1, "boom", at, null);
        var other = new LedgerEntry(new DateOnly(2016, 7, 9), "http://b/", LedgerState.Dismissed, new ThreatInputs("1", null, null, "dismiss"), null, 0, null, at, at);

        await ledger.WriteAsync(failed, CancellationToken.None);
        await ledger.WriteAsync(other, CancellationToken.None);
        var done = failed with { State = LedgerState.Done, Attempts = 0, LastError = null, Rows = 7, LastSuccessAt = at.AddMinutes(15) };
        await ledger.WriteAsync(done, CancellationToken.None);

        Assert.Equal([done, other], await ledger.ReadRangeAsync(new DateOnly(2016, 7, 1), new DateOnly(2016, 7, 31), CancellationToken.None));
        Assert.Equal(done, (await ledger.ReadDateAsync(new DateOnly(2016, 7, 8), CancellationToken.None))[done.Uri]);
        Assert.Empty(await ledger.ReadDateAsync(new DateOnly(2016, 7, 10), CancellationToken.None));
    }

    [Fact]
    public async Task Open_CreatesTheSchemaInWalMode()
    {
        var path = Path.Join(_dir, "ledger.db");
        var ledger = new ThreatLedger(Options.Create(new StateOptions { Path = path }));

        Assert.Empty(await ledger.ReadRangeAsync(DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None));

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
