using System.Security.Cryptography;
using Bpm.Workers.Pms;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.Pms;

public sealed class PmsSyncHandlerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly WireMockServer _pms = WireMockServer.Start();
    private readonly string _connectionId = "conn-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        // The first call creates the tables; the connection row is what the API would have stored.
        await using (await new PmsDatabase(Options.Create(new PmsOptions { ConnectionString = database.ConnectionString }), TimeProvider.System).OpenAsync(default)) { }
        await database.ExecuteAsync(
            "INSERT INTO pms_connections (id, tenant_id, provider, base_url, encrypted_credentials) VALUES ($1, 'tenant-1', 'buildium', $2, $3)",
            _connectionId, _pms.Url, CredentialsCipher.Encrypt(Key, """{"apiKey":"pms-secret"}"""));
    }

    public Task DisposeAsync()
    {
        _pms.Stop();
        return Task.CompletedTask;
    }

    private PmsSyncHandler Handler(string? key)
    {
        var options = Options.Create(new PmsOptions { ConnectionString = database.ConnectionString, EncryptionKey = key ?? "" });
        return new PmsSyncHandler(new PmsDatabase(options, TimeProvider.System), new HttpPmsConnector(new HttpClient(), options), options);
    }

    private void PmsServes(decimal rent = 950m)
    {
        _pms.Given(Request.Create().WithPath("/debtors").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new[]
        {
            new { externalId = "d1", name = "Ana López", email = (string?)"ana@example.com", phone = "+34600000001" },
            new { externalId = "d2", name = "Bo Ek", email = (string?)null, phone = "+46700000002" },
        }));
        _pms.Given(Request.Create().WithPath("/leases").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new[]
        {
            new { externalId = "l1", debtorExternalId = "d1", unit = "4B", startDate = "2026-01-01", endDate = "2026-12-31", monthlyRent = rent },
        }));
        _pms.Given(Request.Create().WithPath("/charges").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new[]
        {
            new { externalId = "c1", leaseExternalId = "l1", amount = rent, dueDate = "2026-11-01", description = "November rent" },
            new { externalId = "c2", leaseExternalId = "l1", amount = 35m, dueDate = "2026-11-05", description = "Late fee" },
        }));
        _pms.Given(Request.Create().WithPath("/payments").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new[]
        {
            new { externalId = "p1", leaseExternalId = "l1", amount = 500m, paidAt = "2026-11-03T10:00:00Z" },
        }));
    }

    private async Task<long> CountAsync(string table) =>
        await database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE connection_id = '{_connectionId}'");

    [Fact]
    public async Task Should_upsert_debtors_leases_charges_and_payments_and_not_duplicate_them_when_run_twice()
    {
        PmsServes();
        var variables = new System.Text.Json.Nodes.JsonObject { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-1" };

        var first = await Handler(Key).HandleAsync(Tasks.Create("pms-sync", variables.DeepClone().AsObject()), default);
        PmsServes(rent: 990m);
        var second = await Handler(Key).HandleAsync(Tasks.Create("pms-sync", variables.DeepClone().AsObject()), default);

        var counts = Tasks.Completed(second)["pmsSync"]!;
        Assert.Equal(2, counts["debtors"]!.GetValue<int>());
        Assert.Equal(1, counts["leases"]!.GetValue<int>());
        Assert.Equal(2, counts["charges"]!.GetValue<int>());
        Assert.Equal(1, counts["payments"]!.GetValue<int>());
        Tasks.Completed(first);
        Assert.Equal(2, await CountAsync("pms_debtors"));
        Assert.Equal(1, await CountAsync("pms_leases"));
        Assert.Equal(2, await CountAsync("ar_charges"));
        Assert.Equal(1, await CountAsync("ar_payments"));
        Assert.Equal(990m, await database.ScalarAsync<decimal>($"SELECT monthly_rent FROM pms_leases WHERE connection_id = '{_connectionId}'"));
        Assert.Equal("Ana López", await database.ScalarAsync<string>($"SELECT name FROM pms_debtors WHERE connection_id = '{_connectionId}' AND external_id = 'd1'"));
        Assert.Equal(8, _pms.LogEntries.Count());
        Assert.All(_pms.LogEntries, read => Assert.Equal("Bearer pms-secret", Stubs.Header(read, "Authorization")));
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_encryption_key_is_not_set()
    {
        var previous = Environment.GetEnvironmentVariable(PmsOptions.EncryptionKeyVariable);
        Environment.SetEnvironmentVariable(PmsOptions.EncryptionKeyVariable, null);
        try
        {
            var outcome = await Handler(null).HandleAsync(
                Tasks.Create("pms-sync", new() { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-1" }), default);

            var failed = Tasks.Failed(outcome);
            Assert.Equal(0, failed.Retries);
            Assert.StartsWith("CREDENTIALS_ENCRYPTION_KEY is not set", failed.Message);
            Assert.Empty(_pms.LogEntries);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PmsOptions.EncryptionKeyVariable, previous);
        }
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_encryption_key_is_wrong()
    {
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var outcome = await Handler(wrong).HandleAsync(
            Tasks.Create("pms-sync", new() { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-1" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Equal(0, failed.Retries);
        Assert.Equal($"cannot decrypt the credentials of connection {_connectionId}: wrong key", failed.Message);
        Assert.Empty(_pms.LogEntries);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_key_is_not_32_bytes()
    {
        var outcome = await Handler(Convert.ToBase64String(new byte[16])).HandleAsync(
            Tasks.Create("pms-sync", new() { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-1" }), default);

        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Equal("CREDENTIALS_ENCRYPTION_KEY must be 32 bytes (base64), was 16", Tasks.Failed(outcome).Message);
    }

    [Fact]
    public async Task Should_fail_without_retries_for_an_unknown_connection_or_another_tenants_connection()
    {
        var unknown = await Handler(Key).HandleAsync(Tasks.Create("pms-sync", new() { ["connectionId"] = "nope", ["tenantId"] = "tenant-1" }), default);
        var foreign = await Handler(Key).HandleAsync(Tasks.Create("pms-sync", new() { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-2" }), default);

        Assert.Equal("PMS connection nope does not exist", Tasks.Failed(unknown).Message);
        Assert.Equal(0, Tasks.Failed(unknown).Retries);
        Assert.Contains("belongs to tenant tenant-1", Tasks.Failed(foreign).Message);
        Assert.Equal(0, Tasks.Failed(foreign).Retries);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_and_write_nothing_when_the_pms_has_a_server_error()
    {
        _pms.Given(Request.Create().WithPath("/debtors").UsingGet()).RespondWith(Response.Create().WithStatusCode(502).WithBody("bad gateway"));

        var outcome = await Handler(Key).HandleAsync(Tasks.Create("pms-sync", new() { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-1" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Null(failed.Retries);
        Assert.Contains("502", failed.Message);
        Assert.Equal(0, await CountAsync("pms_debtors"));
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_pms_refuses_the_credentials()
    {
        _pms.Given(Request.Create().WithPath("/debtors").UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithBody("token revoked"));

        var outcome = await Handler(Key).HandleAsync(Tasks.Create("pms-sync", new() { ["connectionId"] = _connectionId, ["tenantId"] = "tenant-1" }), default);

        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Contains("token revoked", Tasks.Failed(outcome).Message);
    }
}
