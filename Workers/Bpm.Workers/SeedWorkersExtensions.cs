using Bpm.Workers.Appointments;
using Bpm.Workers.Approvals;
using Bpm.Workers.CalCom;
using Bpm.Workers.Cases;
using Bpm.Workers.HubSpot;
using Bpm.Workers.Onboarding;
using Bpm.Workers.Pms;
using Bpm.Workers.Processes;
using Bpm.Workers.Sdk;
using Bpm.Workers.Slack;
using Bpm.Workers.Stripe;
using Bpm.Workers.ToolsApi;
using Bpm.Workers.Twilio;
using Bpm.Workers.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bpm.Workers;

public static class SeedWorkersExtensions
{
    /// <summary>
    /// Registers the seed handlers of the shipped processes with their integrations, each configured from
    /// <c>Bpm:Integrations:&lt;Name&gt;</c>. A handler whose endpoint or secret is missing fails its tasks with a
    /// clear message and no retries; it never stops the host.
    /// </summary>
    public static WorkerBuilder AddSeedWorkers(this WorkerBuilder builder, IConfiguration configuration)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ToolsApiOptions>(configuration.GetSection(ToolsApiOptions.Section));
        services.Configure<SlackOptions>(configuration.GetSection(SlackOptions.Section));
        services.Configure<PmsOptions>(configuration.GetSection(PmsOptions.Section));
        services.Configure<TwilioOptions>(configuration.GetSection(TwilioOptions.Section));
        services.Configure<WhatsAppOptions>(configuration.GetSection(WhatsAppOptions.Section));
        services.Configure<CalComOptions>(configuration.GetSection(CalComOptions.Section));
        services.Configure<AppointmentsOptions>(configuration.GetSection(AppointmentsOptions.Section));
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.Configure<HubSpotOptions>(configuration.GetSection(HubSpotOptions.Section));
        services.Configure<OnboardingOptions>(configuration.GetSection(OnboardingOptions.Section));

        services.AddHttpClient<ToolsApiClient>();
        services.AddHttpClient<SlackClient>();
        services.AddHttpClient<IPmsConnector, HttpPmsConnector>();
        services.AddHttpClient<TwilioClient>();
        services.AddHttpClient<WhatsAppClient>();
        services.AddHttpClient<CalComClient>();
        services.AddHttpClient<StripeClient>();
        services.AddHttpClient<HubSpotClient>();
        services.AddHttpClient<EngineProcessClient>();
        services.TryAddSingleton<PmsDatabase>();
        services.TryAddSingleton<CaseStore>();
        services.TryAddSingleton<AppointmentStore>();

        return builder
            .AddHandler<ToolsSyncHandler>(o => o.LockDuration = TimeSpan.FromMinutes(5))
            .AddHandler<SlackSummaryHandler>()
            .AddHandler<PmsSyncHandler>(o => { o.MaxConcurrency = 2; o.LockDuration = TimeSpan.FromMinutes(10); })
            .AddHandler<SelectDueCasesHandler>(o => o.MaxConcurrency = 1)
            .AddHandler<TwilioCallCaseHandler>()
            .AddHandler<SyncCallSummaryHandler>()
            .AddHandler<MarkSummaryMissingHandler>()
            .AddHandler<WhatsAppSendConfirmationHandler>()
            .AddHandler<SendDemoReminderHandler>()
            .AddHandler<SendFollowUpHandler>()
            .AddHandler<SendReengagementHandler>()
            .AddHandler<SendNudgeHandler>()
            .AddHandler<SendPaymentLinkHandler>()
            .AddHandler<SendPaymentReminderHandler>()
            .AddHandler<CalComCreateEventHandler>()
            .AddHandler<CalComCancelEventHandler>()
            .AddHandler<CreateAppointmentHandler>()
            .AddHandler<CancelAppointmentHandler>()
            .AddHandler<StripeCreateCheckoutHandler>()
            .AddHandler<StripeExpireCheckoutHandler>()
            .AddHandler<HubSpotUpdateStageHandler>()
            .AddHandler<StartDemoRemindersHandler>()
            .AddHandler<RecordDecisionHandler>()
            .AddHandler<CreateAccountsHandler>()
            .AddHandler<CollectSignatureHandler>();
    }
}
