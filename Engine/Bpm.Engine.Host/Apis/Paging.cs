namespace Bpm.Engine.Host.Apis;

/// <summary>Camunda's <c>firstResult</c> / <c>maxResults</c> paging, with a ceiling so no query returns everything.</summary>
internal static class Paging
{
    public const int MaxResults = 1000;

    public static IQueryable<T> Page<T>(this IQueryable<T> query, int? firstResult, int? maxResults)
    {
        var (skip, take) = Bounds(firstResult, maxResults);
        return query.Skip(skip).Take(take);
    }

    /// <summary>The rows to skip and to take.</summary>
    public static (int Skip, int Take) Bounds(int? firstResult, int? maxResults)
    {
        if (firstResult < 0) throw Errors.EngineException.Invalid("firstResult must not be negative");
        if (maxResults < 0) throw Errors.EngineException.Invalid("maxResults must not be negative");
        return (firstResult ?? 0, Math.Min(maxResults ?? MaxResults, MaxResults));
    }
}
