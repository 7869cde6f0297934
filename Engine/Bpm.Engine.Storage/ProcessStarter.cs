namespace Bpm.Engine.Storage;

/// <summary>The person who starts an instance by hand, checked against the process's candidate starters.</summary>
public sealed record ProcessStarter(string User, IReadOnlyList<string> Groups);
