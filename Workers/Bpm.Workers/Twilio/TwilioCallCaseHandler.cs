using Bpm.Workers.Cases;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Twilio;

/// <summary>Calls the debtor of a case through Twilio; the call's sid becomes the process variable <c>callSid</c>.</summary>
public sealed class TwilioCallCaseHandler(TwilioClient twilio) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "twilio-call-case", "Call debtor",
        "Places a Twilio voice call to the phone of the case's debtor, running the configured voice URL.",
        Inputs: [new("case", "Case (caseId, phone)", Required: true)],
        Outputs: [new("callSid", "Call sid")],
        Category: "Cases");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var reference = CaseReference.From(task);
        if (string.IsNullOrWhiteSpace(reference.Phone))
            return TaskOutcome.Fail($"Case {reference.CaseId} has no phone number to call", retries: 0);
        try
        {
            var callSid = await twilio.CreateCallAsync(reference.Phone, cancellationToken);
            return TaskOutcome.Complete(new { callSid });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
