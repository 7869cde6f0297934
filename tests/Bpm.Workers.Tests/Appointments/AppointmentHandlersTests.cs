using Bpm.Workers.Appointments;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Tests.Appointments;

public sealed class AppointmentHandlersTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private AppointmentStore Store(string? connectionString = null) =>
        new(Options.Create(new AppointmentsOptions { ConnectionString = connectionString ?? database.ConnectionString }), TimeProvider.System);

    [Fact]
    public async Task Should_create_one_appointment_per_instance_and_cancel_it()
    {
        var task = Tasks.Create("create-appointment", new()
        {
            ["bookingUid"] = "bk_1", ["name"] = "Ana", ["email"] = "ana@example.com", ["demoAt"] = "2026-12-01T15:30:00Z",
        });

        var first = Tasks.Completed(await new CreateAppointmentHandler(Store()).HandleAsync(task, default));
        var retry = Tasks.Completed(await new CreateAppointmentHandler(Store()).HandleAsync(task, default));
        var cancel = Tasks.Create("cancel-appointment", new() { ["failureMessage"] = "slot taken" });
        var cancelled = Tasks.Completed(await new CancelAppointmentHandler(Store()).HandleAsync(
            new Sdk.WorkerTask(cancel.Activation with { ProcessInstanceId = task.ProcessInstanceId }, (_, _) => Task.CompletedTask), default));

        Assert.Equal(first["appointmentId"]!.GetValue<string>(), retry["appointmentId"]!.GetValue<string>());
        Assert.Equal("scheduled", first["appointmentStatus"]!.GetValue<string>());
        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM appointments WHERE process_instance_id = '{task.ProcessInstanceId}'"));
        Assert.Equal("cancelled", cancelled["appointmentStatus"]!.GetValue<string>());
        Assert.Equal("slot taken", await database.ScalarAsync<string>($"SELECT cancel_reason FROM appointments WHERE process_instance_id = '{task.ProcessInstanceId}'"));
    }

    [Fact]
    public async Task Should_have_nothing_to_cancel_for_an_instance_without_appointment()
    {
        var outcome = await new CancelAppointmentHandler(Store()).HandleAsync(Tasks.Create("cancel-appointment", new()), default);

        Assert.Equal("none", Tasks.Completed(outcome)["appointmentStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_database_is_not_configured()
    {
        var outcome = await new CreateAppointmentHandler(new AppointmentStore(Options.Create(new AppointmentsOptions()), TimeProvider.System))
            .HandleAsync(Tasks.Create("create-appointment", new()), default);

        Assert.Equal("Appointments database (Bpm:Integrations:Appointments:ConnectionString) not configured", Tasks.Failed(outcome).Message);
        Assert.Equal(0, Tasks.Failed(outcome).Retries);
    }
}
