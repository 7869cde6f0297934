namespace Bpm.Engine.Storage;

/// <summary>Where the engine keeps its state.</summary>
public sealed class StorageOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=bpm.db";
    public JobOptions Jobs { get; set; } = new();
    public GroupCommitOptions GroupCommit { get; set; } = new();
    public QueueVacuumOptions QueueVacuum { get; set; } = new();
    public HistoryLevel History { get; set; } = HistoryLevel.Activity;

    public StorageOptions UseSqlite(string connectionString)
    {
        Provider = DatabaseProvider.Sqlite;
        ConnectionString = connectionString;
        return this;
    }

    public StorageOptions UsePostgreSql(string connectionString)
    {
        Provider = DatabaseProvider.PostgreSql;
        ConnectionString = connectionString;
        return this;
    }
}
