namespace Bpm.Workers.Integrations;

/// <summary>Why a call to a third party did not succeed, which decides whether retrying can help.</summary>
public enum IntegrationFailureKind
{
    /// <summary>An endpoint or secret is missing from the configuration: an operator must act, retrying cannot help.</summary>
    NotConfigured,

    /// <summary>The service refused the request (4xx): the same request will be refused again.</summary>
    Rejected,

    /// <summary>The service failed or was unreachable (5xx, 408, 429, timeouts): a later attempt may succeed.</summary>
    Unavailable,
}
