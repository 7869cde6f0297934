namespace Bpm.Engine.Host.Apis;

/// <summary>Camunda's <c>firstResult</c> / <c>maxResults</c> paging, with a ceiling so no query returns everything.</summary>
internal static class Paging
{
    public const int MaxResults = 1000;

    public static IQueryable<T> Page<T>(this IQueryable<T> query, int? firstResult, int? maxResults)
    {
        if (firstResult < 0) throw Errors.EngineException.Invalid("firstResult must not be negative");
        if (maxResults < 0) throw Errors.EngineException.Invalid("maxResults must not be negative");
        return query.Skip(firstResult ?? 0).Take(Math.Min(maxResults ?? MaxResults, MaxResults));
    }
}
