using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Ledger;

/// <summary>
/// The ledger: one SQLite row per (date, URI) with the inputs and outcome of its last investigation. The schema
/// is created on open, the journal is WAL, and every write is a transaction of its own.
/// </summary>
public sealed class ThreatLedger
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS threats (
            date TEXT NOT NULL,
            uri TEXT NOT NULL,
            state TEXT NOT NULL,
            score TEXT NOT NULL,
            title TEXT,
            text TEXT,
            action TEXT,
            rows INTEGER,
            attempts INTEGER NOT NULL,
            last_error TEXT,
            last_attempt_at TEXT NOT NULL,
            last_success_at TEXT,
            PRIMARY KEY (date, uri)
        );
        """;

    private const string Columns = "date, uri, state, score, title, text, action, rows, attempts, last_error, last_attempt_at, last_success_at";

    private readonly string _path;

    public ThreatLedger(IOptions<StateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = LedgerPath.Resolve(options.Value);
    }

    public string Path => _path;

    /// <summary>The entries of one date, by URI.</summary>
    public async Task<IReadOnlyDictionary<string, LedgerEntry>> ReadDateAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var entries = await ReadRangeAsync(date, date, cancellationToken);
        return entries.ToDictionary(e => e.Uri, StringComparer.Ordinal);
    }

    /// <summary>The entries of a range of dates, by date then URI.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ReadRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM threats WHERE date BETWEEN $from AND $to ORDER BY date, uri";
        command.Parameters.AddWithValue("$from", Day(from));
        command.Parameters.AddWithValue("$to", Day(to));
        var entries = new List<LedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(1),
                Enum.Parse<LedgerState>(reader.GetString(2)),
                new ThreatInputs(reader.GetString(3), Text(reader, 4), Text(reader, 5), Text(reader, 6)),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.GetInt32(8),
                Text(reader, 9),
                Time(reader.GetString(10)),
                reader.IsDBNull(11) ? null : Time(reader.GetString(11))));
        }

        return entries;
    }

    /// <summary>Records an entry, replacing the threat's previous one, in one transaction.</summary>
    public async Task WriteAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT OR REPLACE INTO threats ({Columns}) VALUES ($date, $uri, $state, $score, $title, $text, $action, $rows, $attempts, $error, $attempt, $success)";
        command.Parameters.AddWithValue("$date", Day(entry.Date));
        command.Parameters.AddWithValue("$uri", entry.Uri);
        command.Parameters.AddWithValue("$state", entry.State.ToString());
        command.Parameters.AddWithValue("$score", entry.Inputs.Score);
        command.Parameters.AddWithValue("$title", (object?)entry.Inputs.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$text", (object?)entry.Inputs.Text ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", (object?)entry.Inputs.Action ?? DBNull.Value);
        command.Parameters.AddWithValue("$rows", (object?)entry.Rows ?? DBNull.Value);
        command.Parameters.AddWithValue("$attempts", entry.Attempts);
        command.Parameters.AddWithValue("$error", (object?)entry.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$attempt", entry.LastAttemptAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$success", (object?)entry.LastSuccessAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => LedgerDatabase.OpenAsync(_path, Schema, cancellationToken);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Time(string value) => DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture);
}
