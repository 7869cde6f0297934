namespace Bpm.Workers.CalCom;

/// <summary>A booking as Cal.com confirmed it.</summary>
public sealed record CalComBooking(string Uid, long? Id, DateTimeOffset Start, DateTimeOffset? End);
