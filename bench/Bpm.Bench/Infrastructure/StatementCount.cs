namespace Bpm.Bench.Infrastructure;

/// <summary>
/// The statements a database's clients have run so far, as <c>pg_stat_statements</c> counts them, transaction control
/// aside (a <c>COMMIT</c> sent in a pipeline with other statements is not counted there), and the transactions it
/// committed, as <c>pg_stat_database</c> counts them: those of single statements included, published by each backend
/// within a second or so; and the bytes of write-ahead log the server has written so far, for all its databases.
/// </summary>
public sealed record StatementCount(long Statements, long Commits, long WalBytes)
{
    public static StatementCount operator -(StatementCount later, StatementCount earlier) =>
        new(later.Statements - earlier.Statements, later.Commits - earlier.Commits, later.WalBytes - earlier.WalBytes);
}
