using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Notify;

/// <summary>
/// The ledger's outbox of alerts and webhook documents: one row per (receiver, date, URI) in its own table of the
/// ledger file, holding the latest document until the receiver takes it. Every write is a transaction of its own.
/// </summary>
public sealed class DeliveryLedger
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS deliveries (
            receiver TEXT NOT NULL,
            date TEXT NOT NULL,
            uri TEXT NOT NULL,
            state TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            document TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            queued_at TEXT NOT NULL,
            next_attempt_at TEXT,
            last_error TEXT,
            delivered_at TEXT,
            detail TEXT,
            PRIMARY KEY (receiver, date, uri)
        );
        """;

    private const string Columns = "receiver, date, uri, state, fingerprint, document, attempts, queued_at, next_attempt_at, last_error, delivered_at, detail";

    private readonly string _path;

    public DeliveryLedger(IOptions<StateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = LedgerPath.Resolve(options.Value);
    }

    /// <summary>The row of a threat for a receiver, if any.</summary>
    public async Task<DeliveryEntry?> ReadAsync(string receiver, DateOnly date, string uri, CancellationToken cancellationToken)
    {
        var found = await QueryAsync("receiver = $receiver AND date = $date AND uri = $uri", [("$receiver", receiver), ("$date", Day(date)), ("$uri", uri)], cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Every document not delivered yet, oldest queued first.</summary>
    public Task<IReadOnlyList<DeliveryEntry>> ReadUndeliveredAsync(CancellationToken cancellationToken) =>
        QueryAsync($"state <> '{nameof(DeliveryState.Delivered)}' ORDER BY queued_at, date, uri", [], cancellationToken);

    /// <summary>The rows of a range of dates, by date then URI then receiver.</summary>
    public Task<IReadOnlyList<DeliveryEntry>> ReadRangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        QueryAsync("date BETWEEN $from AND $to ORDER BY date, uri, receiver", [("$from", Day(from)), ("$to", Day(to))], cancellationToken);

    /// <summary>Records a row, replacing the threat's previous one for that receiver, in one transaction.</summary>
    public async Task WriteAsync(DeliveryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await LedgerDatabase.OpenAsync(_path, Schema, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT OR REPLACE INTO deliveries ({Columns}) VALUES ($receiver, $date, $uri, $state, $fingerprint, $document, $attempts, $queued, $next, $error, $delivered, $detail)";
        command.Parameters.AddWithValue("$receiver", entry.Receiver);
        command.Parameters.AddWithValue("$date", Day(entry.Date));
        command.Parameters.AddWithValue("$uri", entry.Uri);
        command.Parameters.AddWithValue("$state", entry.State.ToString());
        command.Parameters.AddWithValue("$fingerprint", entry.Fingerprint);
        command.Parameters.AddWithValue("$document", entry.Document);
        command.Parameters.AddWithValue("$attempts", entry.Attempts);
        command.Parameters.AddWithValue("$queued", Stamp(entry.QueuedAt)!);
        command.Parameters.AddWithValue("$next", (object?)Stamp(entry.NextAttemptAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)entry.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$delivered", (object?)Stamp(entry.DeliveredAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<DeliveryEntry>> QueryAsync(string where, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await LedgerDatabase.OpenAsync(_path, Schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE {where}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var entries = new List<DeliveryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DeliveryEntry(
                reader.GetString(0),
                DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(2),
                Enum.Parse<DeliveryState>(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                Time(reader.GetString(7)),
                reader.IsDBNull(8) ? null : Time(reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : Time(reader.GetString(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return entries;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Stamp(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string value) => DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture);
}
