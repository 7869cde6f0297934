namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// <c>Bpm:Auth:Groups</c>: the group a person needs for the API's operator calls (cancel, suspend and resume instances,
/// change their variables, retry incidents and jobs, work external tasks by hand) and for its analyst calls (deploy, publish
/// activity templates). A machine (an API key alone) needs none. The defaults match the designer's groups.
/// </summary>
public sealed class PermissionGroups
{
    public string Operators { get; set; } = "operators";
    public string Analysts { get; set; } = "analysts";
}
