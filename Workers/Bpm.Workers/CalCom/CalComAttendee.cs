namespace Bpm.Workers.CalCom;

public sealed record CalComAttendee(string Name, string Email, string TimeZone, string? PhoneNumber);
