using System.Collections.Concurrent;
using Bpm.Engine.Expressions;

namespace Bpm.Engine.Runtime;

/// <summary>Parsed expressions by their text, so each is parsed once per engine.</summary>
internal sealed class ExpressionCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, Expression> _parsed = new(StringComparer.Ordinal);

    public Expression Get(string text)
    {
        if (_parsed.TryGetValue(text, out var expression)) return expression;
        expression = Expression.Parse(text);
        if (_parsed.Count < Capacity) _parsed.TryAdd(text, expression);
        return expression;
    }
}
