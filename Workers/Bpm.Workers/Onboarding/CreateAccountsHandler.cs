using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Bpm.Workers.Slack;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Onboarding;

/// <summary>Names the new employee's accounts (login and email) and asks IT on Slack to create them.</summary>
public sealed class CreateAccountsHandler(SlackClient slack, IOptions<OnboardingOptions> options) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "create-accounts", "Create accounts",
        "Derives the employee's login and email and posts the account request to the IT Slack channel.",
        Inputs: [new("employeeName", "Employee name", Required: true), new("startDate", "Start date")],
        Outputs: [new("accountLogin", "Login"), new("accountEmail", "Email")],
        Category: "Onboarding");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var name = task.Get<string>("employeeName");
        string login;
        try
        {
            login = AccountNames.Login(name);
        }
        catch (ArgumentException e)
        {
            return TaskOutcome.Fail(e.Message, retries: 0);
        }
        var email = $"{login}@{options.Value.EmailDomain}";
        var start = task.GetOrDefault<string?>("startDate", null) is { } date ? $", starting {date}" : "";
        try
        {
            await slack.PostAsync($"Please create the accounts of {name}{start}: login `{login}`, email {email}.",
                new([SlackBlocks.Section($":key: Please create the accounts of *{name}*{start}\nLogin: `{login}`\nEmail: {email}")]),
                cancellationToken);
            return TaskOutcome.Complete(new { accountLogin = login, accountEmail = email });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
