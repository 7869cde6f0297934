namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The generated demo users, to be shown once at start.</summary>
public sealed record DemoUsersNotice(string Password, IReadOnlyList<string> Users);
