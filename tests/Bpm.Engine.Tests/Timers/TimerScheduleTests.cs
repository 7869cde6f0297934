using Bpm.Engine.Model;
using Bpm.Engine.Timers;

namespace Bpm.Engine.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TimerKind.Duration, "PT30M", "2026-11-24T10:45:00Z")]
    [InlineData(TimerKind.Duration, "P1DT2H", "2026-11-25T12:15:00Z")]
    [InlineData(TimerKind.Date, "2026-12-24T18:00:00+01:00", "2026-12-24T17:00:00Z")]
    [InlineData(TimerKind.Date, "2026-12-24T18:00:00", "2026-12-24T18:00:00Z")]
    [InlineData(TimerKind.Cycle, "0 4 * * *", "2026-11-25T04:00:00Z")]
    [InlineData(TimerKind.Cycle, "0 0 * * * ?", "2026-11-24T11:00:00Z")]
    [InlineData(TimerKind.Cycle, "R3/PT10M", "2026-11-24T10:25:00Z")]
    [InlineData(TimerKind.Cycle, "R/2026-11-24T04:00:00Z/PT1H", "2026-11-24T11:00:00Z")]
    public void Should_compute_the_first_due_time_in_UTC(TimerKind kind, string text, string expected)
    {
        Assert.True(TimerSchedule.TryFirst(kind, text, Now, out var due, out _, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void Should_count_down_the_repetitions_of_a_cycle()
    {
        Assert.True(TimerSchedule.TryFirst(TimerKind.Cycle, "R3/PT10M", Now, out var due, out var rest, out _));
        Assert.Equal(2, rest!.Repetitions);
        Assert.Equal(due.AddMinutes(10), rest.Next(due));
        Assert.Equal(1, rest.AfterFiring()!.Repetitions);
        Assert.Null(rest.AfterFiring()!.AfterFiring());
    }

    [Fact]
    public void Should_repeat_a_cron_cycle_forever()
    {
        Assert.True(TimerSchedule.TryFirst(TimerKind.Cycle, "0 * * * *", Now, out var due, out var rest, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(due.AddHours(1), rest!.Next(due));
        Assert.Same(rest, rest.AfterFiring());
    }

    [Theory]
    [InlineData(TimerKind.Duration, "30 minutes")]
    [InlineData(TimerKind.Date, "tomorrow")]
    [InlineData(TimerKind.Cycle, "R0/PT1H")]
    [InlineData(TimerKind.Cycle, "R2/PT0S")]
    [InlineData(TimerKind.Cycle, "61 * * * *")]
    [InlineData(TimerKind.Cycle, "every hour")]
    public void Should_reject_what_is_not_a_timer(TimerKind kind, string text)
    {
        Assert.False(TimerSchedule.TryFirst(kind, text, Now, out _, out _, out var error));
        Assert.Contains(text, error);
    }
}
