using System.Globalization;
using System.Xml;
using Cronos;

namespace Bpm.Engine.Timers;

/// <summary>
/// A repeating timer: ISO 8601 repeating intervals (<c>R3/PT10M</c>, <c>R/PT1H</c>, <c>R/2026-01-01T04:00:00Z/P1D</c>)
/// or a cron expression with five fields (<c>0 4 * * *</c>) or six with seconds (Camunda 7, Quartz style), in UTC.
/// </summary>
public sealed record TimerCycle(int? Repetitions, DateTimeOffset? Start, TimeSpan? Period, string? Cron)
{
    /// <summary>The first time the cycle is due after <paramref name="now"/>.</summary>
    public DateTimeOffset First(DateTimeOffset now)
    {
        if (Cron is not null) return NextCron(now);
        if (Start is { } start)
        {
            var due = start;
            while (due < now) due += Period!.Value;
            return due;
        }
        return now + Period!.Value;
    }

    /// <summary>The time after <paramref name="previous"/>, when the cycle fired last.</summary>
    public DateTimeOffset Next(DateTimeOffset previous) => Cron is not null ? NextCron(previous) : previous + Period!.Value;

    /// <summary>The same cycle with one repetition used up; null when none is left.</summary>
    public TimerCycle? AfterFiring() => Repetitions switch
    {
        null => this,
        <= 1 => null,
        var n => this with { Repetitions = n - 1 },
    };

    private DateTimeOffset NextCron(DateTimeOffset after)
    {
        var fields = Cron!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var expression = CronExpression.Parse(Cron, fields >= 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        return expression.GetNextOccurrence(after, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException($"Cron expression '{Cron}' has no further occurrence");
    }

    public static bool TryParse(string text, out TimerCycle? cycle, out string? error)
    {
        cycle = null;
        error = null;
        text = text.Trim();
        if (text.StartsWith('R'))
        {
            var parts = text.Split('/');
            int? repetitions = null;
            if (parts[0].Length > 1)
            {
                if (!int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    error = $"'{text}': '{parts[0]}' is not a number of repetitions (R1, R2, ... or R for ever)";
                    return false;
                }
                repetitions = n;
            }
            DateTimeOffset? start = null;
            string periodText;
            switch (parts.Length)
            {
                case 2:
                    periodText = parts[1];
                    break;
                case 3 when TimerSchedule.TryParseDate(parts[1], out var first):
                    start = first;
                    periodText = parts[2];
                    break;
                default:
                    error = $"'{text}' is not an ISO 8601 repeating interval such as R3/PT10M or R/2026-01-01T04:00:00Z/P1D";
                    return false;
            }
            if (!TimerSchedule.TryParseDuration(periodText, out var period) || period <= TimeSpan.Zero)
            {
                error = $"'{text}': '{periodText}' is not a positive ISO 8601 duration";
                return false;
            }
            cycle = new TimerCycle(repetitions, start, period, null);
            return true;
        }
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is < 5 or > 6)
        {
            error = $"'{text}' is neither an ISO 8601 repeating interval (R3/PT10M) nor a cron expression (0 4 * * *)";
            return false;
        }
        try
        {
            CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            error = $"'{text}' is not a valid cron expression: {e.Message}";
            return false;
        }
        cycle = new TimerCycle(null, null, null, text);
        return true;
    }
}
