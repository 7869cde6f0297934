namespace Bpm.Workers.Onboarding;

/// <summary>The <c>Bpm:Integrations:Onboarding</c> section: how new accounts are named and where contracts are signed.</summary>
public sealed class OnboardingOptions
{
    public const string Section = "Bpm:Integrations:Onboarding";

    /// <summary>The domain of new employees' email addresses.</summary>
    public string EmailDomain { get; set; } = "example.com";

    /// <summary>Where an employee signs the contract; <c>{businessKey}</c> is replaced by the instance's business key.</summary>
    public string? SignatureUrl { get; set; }
}
