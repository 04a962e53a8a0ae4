using Microsoft.Data.Sqlite;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// A store file as an older bridge left it: the given SQL (its tables as released then, and rows) run on a
/// fresh SQLite file in its own temporary directory, deleted on dispose. For tests that open it with today's BridgeStore.
/// </summary>
public sealed class OlderStoreFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("geoedge-bridge-upgrade-").FullName;

    public string Path { get; }

    public OlderStoreFile(string sql)
    {
        Path = System.IO.Path.Combine(_directory, "old.db");
        using var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        old.Open();
        using var create = old.CreateCommand();
        create.CommandText = sql;
        create.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
