using Microsoft.Extensions.Options;

namespace Bpm.Designer.People;

/// <summary>The users who may sign in to the designer: configured ones, or the demo analyst, approver and operator.</summary>
public sealed class DesignerUsers(IOptions<DesignerOptions> options)
{
    public IReadOnlyList<DesignerUser> All { get; } = options.Value.Users.Count > 0 ? options.Value.Users : DesignerOptions.DefaultUsers;

    public DesignerUser? Find(string id) => All.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.Ordinal));
}
