using System.Text.Json.Nodes;
using Bpm.Engine.Expressions;
using Bpm.Engine.Model;

namespace Bpm.Engine.Timers;

/// <summary>
/// The schedule of a timer start event. It belongs to no instance, so an expression in it sees no variables.
/// <see cref="Remaining"/> counts the firings left after the next one; null means for ever.
/// </summary>
public sealed record StartTimer(DateTimeOffset Due, int? Remaining, TimerCycle? Cycle)
{
    public static bool TryFirst(TimerDefinition timer, DateTimeOffset now, out StartTimer? schedule, out string? error)
    {
        schedule = null;
        var value = Expression.Parse(timer.Expression).Evaluate(new DictionaryVariableLookup(new JsonObject()));
        if (!value.IsSuccess || value.Value is not JsonValue text || !text.TryGetValue<string>(out var literal))
        {
            error = $"the timer '{timer.Expression}' does not evaluate to text without variables";
            return false;
        }
        if (!TimerSchedule.TryFirst(timer.Kind, literal, now, out var due, out var rest, out error)) return false;
        if (timer.Kind != TimerKind.Cycle)
        {
            schedule = new StartTimer(due, 0, null);
            return true;
        }
        TimerCycle.TryParse(literal, out var cycle, out _);
        schedule = new StartTimer(due, cycle!.Repetitions is { } n ? n - 1 : null, cycle);
        return true;
    }

    /// <summary>The schedule after the firing due at <see cref="Due"/>; null when it was the last.</summary>
    public StartTimer? AfterFiring() => Remaining == 0 || Cycle is null
        ? null
        : new StartTimer(Cycle.Next(Due), Remaining is { } n ? n - 1 : null, Cycle);
}
