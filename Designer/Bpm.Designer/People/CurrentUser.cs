using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Bpm.Designer.People;

/// <summary>The signed-in user of this browser session (one per circuit), set by the layout from the sign-in cookie.</summary>
public sealed class CurrentUser(IOptions<DesignerOptions> options)
{
    public DesignerUser User { get; private set; } = new() { Id = "" };

    public bool IsSignedIn => User.Id.Length > 0;

    /// <summary>The user the engine should act for on task calls, when the engine knows the designer's users.</summary>
    public string? ActingFor => options.Value.ActForUsers && IsSignedIn ? User.Id : null;

    public void SignIn(DesignerUser user) => User = user;

    public void SignIn(ClaimsPrincipal principal)
    {
        if (DesignerIdentity.UserOf(principal) is { } user) SignIn(user);
    }
}
