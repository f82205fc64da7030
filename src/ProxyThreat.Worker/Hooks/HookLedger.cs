using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Hooks;

/// <summary>
/// The after-date hook's table in the ledger (<c>State:Path</c>): per date, how often writes changed it, which of
/// those changes the hook has seen succeed, and the last run's outcome. A date is marked changed before its threat's
/// success is recorded, so a stop between the two leaves the hook due rather than forgotten.
/// </summary>
public sealed class HookLedger
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS date_hooks (
            date TEXT NOT NULL PRIMARY KEY,
            changes INTEGER NOT NULL,
            covered INTEGER NOT NULL,
            outcome TEXT,
            exit_code INTEGER,
            detail TEXT,
            elapsed_ms INTEGER,
            failures INTEGER NOT NULL,
            last_run_at TEXT,
            last_success_at TEXT
        );
        """;

    private const string Columns = "date, changes, covered, outcome, exit_code, detail, elapsed_ms, failures, last_run_at, last_success_at";

    private readonly string _path;

    public HookLedger(IOptions<StateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = LedgerPath.Resolve(options.Value);
    }

    /// <summary>Records that a run wrote to the date, making its hook due.</summary>
    public async Task MarkChangedAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO date_hooks (date, changes, covered, failures) VALUES ($date, 1, 0, 0) ON CONFLICT (date) DO UPDATE SET changes = changes + 1";
        command.Parameters.AddWithValue("$date", Day(date));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a run that began when the date had <paramref name="changes"/> changes: a success covers those (and
    /// no change made while it ran), a failure leaves the hook due.
    /// </summary>
    public async Task RecordAsync(DateOnly date, long changes, HookResult result, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE date_hooks SET
                outcome = $outcome, exit_code = $exit, detail = $detail, elapsed_ms = $elapsed, last_run_at = $at,
                covered = CASE WHEN $succeeded THEN max(covered, $changes) ELSE covered END,
                failures = CASE WHEN $succeeded THEN 0 ELSE failures + 1 END,
                last_success_at = CASE WHEN $succeeded THEN $at ELSE last_success_at END
            WHERE date = $date
            """;
        command.Parameters.AddWithValue("$date", Day(date));
        command.Parameters.AddWithValue("$outcome", result.Outcome.ToString());
        command.Parameters.AddWithValue("$exit", (object?)result.ExitCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)result.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$elapsed", (long)result.Elapsed.TotalMilliseconds);
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$succeeded", result.Succeeded);
        command.Parameters.AddWithValue("$changes", changes);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The date's row; null where no run ever wrote to it with a hook configured.</summary>
    public async Task<HookEntry?> ReadAsync(DateOnly date, CancellationToken cancellationToken) =>
        (await ReadRangeAsync(date, date, cancellationToken)).SingleOrDefault();

    /// <summary>The rows of a range of dates, oldest first.</summary>
    public async Task<IReadOnlyList<HookEntry>> ReadRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM date_hooks WHERE date BETWEEN $from AND $to ORDER BY date";
        command.Parameters.AddWithValue("$from", Day(from));
        command.Parameters.AddWithValue("$to", Day(to));
        var entries = new List<HookEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var last = reader.IsDBNull(3)
                ? null
                : new HookResult(
                    Enum.Parse<HookOutcome>(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    TimeSpan.FromMilliseconds(reader.GetInt64(6)),
                    reader.IsDBNull(5) ? null : reader.GetString(5));
            entries.Add(new HookEntry(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetInt64(1),
                reader.GetInt64(2),
                last,
                reader.GetInt32(7),
                Time(reader, 8),
                Time(reader, 9)));
        }

        return entries;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => LedgerDatabase.OpenAsync(_path, Schema, cancellationToken);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.ParseExact(reader.GetString(ordinal), "O", CultureInfo.InvariantCulture);
}
