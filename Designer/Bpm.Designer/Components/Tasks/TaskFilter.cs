using Bpm.Contracts.Rest;

namespace Bpm.Designer.Components.Tasks;

/// <summary>What the tasklist shows: whose tasks, of which process, in which order.</summary>
public sealed record TaskFilter(TaskScope Scope = TaskScope.All, string? ProcessDefinitionKey = null, TaskSort Sort = TaskSort.Created)
{
    /// <summary>The tasks in view, from the user's own and the user's groups' tasks.</summary>
    public IEnumerable<TaskDto> Apply(IEnumerable<TaskDto> tasks, string userId, Func<TaskDto, string?> processKey)
    {
        var shown = tasks.Where(t => Scope switch
        {
            TaskScope.Mine => t.Assignee == userId,
            TaskScope.Group => t.Assignee is null,
            _ => true,
        });
        if (!string.IsNullOrEmpty(ProcessDefinitionKey)) shown = shown.Where(t => processKey(t) == ProcessDefinitionKey);
        return Sort switch
        {
            TaskSort.Due => shown.OrderBy(t => t.Due is null).ThenBy(t => t.Due).ThenBy(t => t.Created),
            TaskSort.Process => shown.OrderBy(t => processKey(t), StringComparer.Ordinal).ThenByDescending(t => t.Created),
            _ => shown.OrderByDescending(t => t.Created),
        };
    }
}

public enum TaskScope { All, Mine, Group }

public enum TaskSort { Created, Due, Process }
