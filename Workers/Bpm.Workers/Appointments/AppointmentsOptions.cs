namespace Bpm.Workers.Appointments;

/// <summary>The <c>Bpm:Integrations:Appointments</c> section: the PostgreSQL database of appointment records.</summary>
public sealed class AppointmentsOptions
{
    public const string Section = "Bpm:Integrations:Appointments";

    /// <summary>Npgsql connection string; the <c>appointments</c> table is created if missing.</summary>
    public string? ConnectionString { get; set; }
}
