using Bpm.Workers.Sdk;

namespace Bpm.Workers.Integrations;

/// <summary>A third-party call that did not succeed, with the text an operator needs to act on it.</summary>
public sealed class IntegrationException(IntegrationFailureKind kind, string message, string? details = null) : Exception(message)
{
    public IntegrationFailureKind Kind { get; } = kind;
    public string? Details { get; } = details;

    public static IntegrationException NotConfigured(string what) => new(IntegrationFailureKind.NotConfigured, $"{what} not configured");

    /// <summary>
    /// The task's failure: a missing setting or a refused request fails with no retries (an incident an operator
    /// reads), an unavailable service fails with the model's retries and backoff.
    /// </summary>
    public TaskOutcome ToOutcome() => Kind == IntegrationFailureKind.Unavailable
        ? TaskOutcome.Fail(Message, Details)
        : TaskOutcome.Fail(Message, Details, retries: 0);

    /// <summary>
    /// For steps inside a saga: a refused request is a business failure the model catches with an error
    /// boundary (<paramref name="errorCode"/>); the rest fails as <see cref="ToOutcome"/> does.
    /// </summary>
    public TaskOutcome ToOutcome(string errorCode) => Kind == IntegrationFailureKind.Rejected
        ? TaskOutcome.BpmnError(errorCode, Message)
        : ToOutcome();
}
