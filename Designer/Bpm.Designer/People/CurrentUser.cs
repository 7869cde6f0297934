using Microsoft.Extensions.Options;

namespace Bpm.Designer.People;

/// <summary>The user this browser session acts as; one per circuit, the first configured user until another is chosen.</summary>
public sealed class CurrentUser(IOptions<DesignerOptions> options)
{
    public IReadOnlyList<DemoUser> Choices { get; } = options.Value.Users.Count > 0 ? options.Value.Users : DesignerOptions.DefaultUsers;

    private DemoUser? _user;

    public DemoUser User => _user ??= Choices[0];

    /// <summary>The user the engine should act for on task calls, when the engine knows the designer's users.</summary>
    public string? ActingFor => options.Value.ActForUsers ? User.Id : null;

    public event Action? Changed;

    public void Choose(string id)
    {
        _user = Choices.FirstOrDefault(u => u.Id == id) ?? throw new ArgumentException($"No configured user '{id}'", nameof(id));
        Changed?.Invoke();
    }
}
