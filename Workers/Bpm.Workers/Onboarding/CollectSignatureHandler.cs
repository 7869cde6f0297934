using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Bpm.Workers.Slack;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Onboarding;

/// <summary>Sends the employee's contract out for signature: posts the signing link to HR's Slack channel.</summary>
public sealed class CollectSignatureHandler(SlackClient slack, IOptions<OnboardingOptions> options) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "collect-signature", "Collect e-signature",
        "Posts the contract's signing link to HR's Slack channel so the employee signs it.",
        Inputs: [new("employeeName", "Employee name", Required: true)],
        Outputs: [new("signatureUrl", "Signing link")],
        Category: "Onboarding");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var name = task.Get<string>("employeeName");
        try
        {
            var template = Endpoint.Require(options.Value.SignatureUrl, $"Contract signature URL ({OnboardingOptions.Section}:SignatureUrl)");
            var url = template.Replace("{businessKey}", Uri.EscapeDataString(task.BusinessKey ?? task.ProcessInstanceId), StringComparison.Ordinal);
            await slack.PostAsync($"The contract of {name} is ready to sign: {url}",
                new([SlackBlocks.Section($":memo: The contract of *{name}* is ready to sign: <{url}|sign here>")]),
                cancellationToken);
            return TaskOutcome.Complete(new { signatureUrl = url });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
