using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Live;

/// <summary>A user task change as one node tells the others: the node that committed it, and the change.</summary>
public sealed record RelayedTaskChange(string Node, UserTaskChange Change);
