using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Live;

/// <summary>Who hears of a task change: those who may see the task (as the API decides), and machines, which see every task.</summary>
public static class TaskAudience
{
    public static bool Includes(CallingUser? caller, UserTaskChange change) =>
        caller is null
        || change.Users.Contains(caller.Id, StringComparer.Ordinal)
        || change.CandidateGroups.Any(group => caller.Groups.Contains(group, StringComparer.Ordinal));
}
