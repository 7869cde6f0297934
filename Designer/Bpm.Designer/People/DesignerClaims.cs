namespace Bpm.Designer.People;

/// <summary>What the sign-in cookie says beyond the user id (the name claim) and groups (role claims).</summary>
public static class DesignerClaims
{
    public const string DisplayName = "bpm:display-name";
    public const string Analysts = "analysts";
    public const string Operators = "operators";
}
