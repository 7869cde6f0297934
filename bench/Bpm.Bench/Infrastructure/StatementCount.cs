namespace Bpm.Bench.Infrastructure;

/// <summary>
/// The statements a database's clients have run so far, as <c>pg_stat_statements</c> counts them (transaction control
/// included), and how many of them were commits.
/// </summary>
public sealed record StatementCount(long Statements, long Commits)
{
    public static StatementCount operator -(StatementCount later, StatementCount earlier) =>
        new(later.Statements - earlier.Statements, later.Commits - earlier.Commits);
}
