namespace Bpm.Engine.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
