using System.Globalization;
using System.Xml;
using Bpm.Engine.Model;

namespace Bpm.Engine.Timers;

/// <summary>When a timer is due, from its definition's evaluated text; all times in UTC unless the text carries an offset.</summary>
public static class TimerSchedule
{
    /// <summary>The first due time and, for a cycle, the cycle with its repetitions still to come after this one.</summary>
    public static bool TryFirst(TimerKind kind, string text, DateTimeOffset now, out DateTimeOffset due, out TimerCycle? cycle, out string? error)
    {
        due = default;
        cycle = null;
        error = null;
        switch (kind)
        {
            case TimerKind.Date when TryParseDate(text, out due):
                return true;
            case TimerKind.Date:
                error = $"'{text}' is not an ISO 8601 date and time";
                return false;
            case TimerKind.Duration when TryParseDuration(text, out var duration) && duration >= TimeSpan.Zero:
                due = now + duration;
                return true;
            case TimerKind.Duration:
                error = $"'{text}' is not an ISO 8601 duration such as PT5M or P1D";
                return false;
            default:
                if (!TimerCycle.TryParse(text, out var parsed, out error)) return false;
                due = parsed!.First(now);
                cycle = parsed.AfterFiring();
                return true;
        }
    }

    public static bool TryParseDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (!text.StartsWith('P') && !text.StartsWith("-P", StringComparison.Ordinal)) return false;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
