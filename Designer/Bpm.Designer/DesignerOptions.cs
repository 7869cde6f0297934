using Bpm.Designer.People;

namespace Bpm.Designer;

/// <summary>
/// <c>Bpm:Designer</c>: where the engine's REST API is (<c>EngineUrl</c>; empty means this same server) and the
/// API key the designer sends in <c>x-api-key</c>; who may sign in (the engine checks their passwords).
/// </summary>
public sealed class DesignerOptions
{
    public string? EngineUrl { get; set; }
    public string? ApiKey { get; set; }
    public List<DesignerUser> Users { get; set; } = [];
    /// <summary>Task calls name the signed-in user in <c>x-bpm-user</c>, so the engine shows and allows only that user's tasks.</summary>
    public bool ActForUsers { get; set; } = true;
    /// <summary>Sign-in at an identity provider instead of with a password.</summary>
    public DesignerOidcOptions Oidc { get; set; } = new();

    /// <summary>An analyst, an approver and an operator, when configuration names nobody.</summary>
    public static IReadOnlyList<DesignerUser> DefaultUsers { get; } =
    [
        new() { Id = "analyst", Name = "Ann Analyst", Groups = ["analysts"] },
        new() { Id = "approver", Name = "Arthur Approver", Groups = ["approvers"] },
        new() { Id = "operator", Name = "Olga Operator", Groups = ["operators"] },
    ];
}
