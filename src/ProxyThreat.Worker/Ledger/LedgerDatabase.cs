using Microsoft.Data.Sqlite;

namespace ProxyThreat.Worker.Ledger;

/// <summary>
/// Opens the ledger's SQLite file (<c>State:Path</c>), creating its folder, and makes sure a table's schema is
/// there: each part of the ledger keeps its own tables and creates them itself.
/// </summary>
internal static class LedgerDatabase
{
    public static async Task<SqliteConnection> OpenAsync(string path, string schema, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
