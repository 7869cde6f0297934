using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bpm.Engine.Expressions;

/// <summary>
/// A FEEL temporal value with millisecond precision: a date and time (UTC milliseconds since 0001-01-01),
/// a date (its midnight, UTC) or a days-and-time duration (milliseconds). It reaches JSON as its ISO string:
/// <c>2026-11-25T10:00:00.000Z</c>, <c>2026-11-25</c>, <c>P1DT2H</c>.
/// </summary>
internal readonly partial record struct Temporal(TemporalKind Kind, long Millis)
{
    private const long MillisPerSecond = 1000;
    private const long MillisPerMinute = 60 * MillisPerSecond;
    private const long MillisPerHour = 60 * MillisPerMinute;
    private const long MillisPerDay = 24 * MillisPerHour;
    private const long TicksPerMilli = TimeSpan.TicksPerMillisecond;
    private static readonly string[] ComponentNames = ["w", "d", "h", "m", "s"];
    private static readonly long MaxInstantMillis = DateTime.MaxValue.Ticks / TicksPerMilli;

    /// <summary>Durations are bounded by the span of representable dates, so sums of two never overflow.</summary>
    private static readonly long MaxDurationMillis = MaxInstantMillis;

    public string TypeName => TypeNameOf(Kind);

    public static string TypeNameOf(TemporalKind kind) => kind switch
    {
        TemporalKind.DateTime => "date and time",
        TemporalKind.Date => "date",
        _ => "duration",
    };

    public override string ToString() => Kind switch
    {
        TemporalKind.DateTime => new DateTime(Millis * TicksPerMilli, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        TemporalKind.Date => new DateTime(Millis * TicksPerMilli, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => FormatDuration(Millis),
    };

    /// <summary>ISO 8601 date and time, with an offset or <c>Z</c>; without one it is UTC.</summary>
    public static bool TryParseDateTime(string text, out Temporal value)
    {
        value = default;
        if (!DateTimePattern().IsMatch(text)) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        value = new Temporal(TemporalKind.DateTime, parsed.UtcTicks / TicksPerMilli);
        return true;
    }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string text, out Temporal value)
    {
        value = default;
        if (!DatePattern().IsMatch(text)) return false;
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        value = new Temporal(TemporalKind.Date, parsed.Ticks / TicksPerMilli);
        return true;
    }

    /// <summary>ISO 8601 days-and-time duration: <c>P1D</c>, <c>PT24H</c>, <c>-PT30M</c>, <c>P2W</c>, <c>PT1.5S</c>.</summary>
    /// <returns>Null on success; otherwise why the text is not a duration.</returns>
    public static string? TryParseDuration(string text, out Temporal value)
    {
        value = default;
        var match = DurationPattern().Match(text);
        if (!match.Success || ComponentNames.All(n => !match.Groups[n].Success) || text.EndsWith('T'))
        {
            return YearsMonthsPattern().IsMatch(text)
                ? "durations in years or months are not supported; use days, e.g. P30D"
                : "not an ISO 8601 duration such as PT24H, P1D or -PT30M";
        }
        decimal total = 0;
        try
        {
            total += Component(match, "w") * 7 * MillisPerDay;
            total += Component(match, "d") * MillisPerDay;
            total += Component(match, "h") * MillisPerHour;
            total += Component(match, "m") * MillisPerMinute;
            total += Component(match, "s") * MillisPerSecond;
        }
        catch (OverflowException)
        {
            return "the duration is outside the supported range";
        }
        if (match.Groups["sign"].Success) total = -total;
        var result = FromMillis(TemporalKind.Duration, total);
        if (!result.IsSuccess) return result.Error;
        value = result.Value;
        return null;
    }

    /// <summary>A value of the kind from a millisecond count, rounded to whole milliseconds; fails outside the supported range.</summary>
    public static ExpressionResult<Temporal> FromMillis(TemporalKind kind, decimal millis)
    {
        millis = decimal.Round(millis, MidpointRounding.AwayFromZero);
        var fits = kind == TemporalKind.Duration
            ? Math.Abs(millis) <= MaxDurationMillis
            : millis >= 0 && millis <= MaxInstantMillis;
        if (!fits) return ExpressionResult<Temporal>.Fail($"the resulting {TypeNameOf(kind)} is outside the supported range");
        var whole = (long)millis;
        if (kind == TemporalKind.Date) whole -= whole % MillisPerDay;
        return ExpressionResult<Temporal>.Ok(new Temporal(kind, whole));
    }

    private static decimal Component(Match match, string name)
    {
        var group = match.Groups[name];
        return group.Success ? decimal.Parse(group.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;
    }

    private static string FormatDuration(long millis)
    {
        if (millis == 0) return "PT0S";
        var text = new StringBuilder(millis < 0 ? "-P" : "P");
        var rest = Math.Abs(millis);
        var days = rest / MillisPerDay;
        rest %= MillisPerDay;
        if (days > 0) text.Append(days).Append('D');
        if (rest == 0) return text.ToString();
        text.Append('T');
        var hours = rest / MillisPerHour;
        rest %= MillisPerHour;
        var minutes = rest / MillisPerMinute;
        rest %= MillisPerMinute;
        if (hours > 0) text.Append(hours).Append('H');
        if (minutes > 0) text.Append(minutes).Append('M');
        if (rest > 0)
        {
            var seconds = rest / 1000m;
            text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('S');
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<sign>-)?P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^-?P(\d+Y|(\d+Y)?\d+M)", RegexOptions.CultureInvariant)]
    private static partial Regex YearsMonthsPattern();
}
