using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Pms;

/// <summary>
/// A PMS over HTTP: <c>GET {base}/debtors</c>, <c>/leases</c>, <c>/charges</c> and <c>/payments</c>, each a JSON
/// array, with the connection's API key as a bearer token.
/// </summary>
public sealed class HttpPmsConnector(HttpClient http, IOptions<PmsOptions> options) : IPmsConnector
{
    public const string Service = "PMS API";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PmsSnapshot> SyncFullAsync(PmsConnection connection, PmsCredentials credentials, CancellationToken cancellationToken)
    {
        var baseUrl = Endpoint.Require(connection.BaseUrl ?? options.Value.BaseUrl, $"PMS API base URL ({PmsOptions.Section}:BaseUrl)");
        return new PmsSnapshot(
            await ReadAsync<PmsDebtor>(baseUrl, "debtors", credentials, cancellationToken),
            await ReadAsync<PmsLease>(baseUrl, "leases", credentials, cancellationToken),
            await ReadAsync<PmsCharge>(baseUrl, "charges", credentials, cancellationToken),
            await ReadAsync<PmsPayment>(baseUrl, "payments", credentials, cancellationToken));
    }

    private Task<IReadOnlyList<T>> ReadAsync<T>(string baseUrl, string resource, PmsCredentials credentials, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync<IReadOnlyList<T>>(Service, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint.Combine(baseUrl, resource));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync($"{Service} (GET /{resource})", cancellationToken);
            try
            {
                return await response.Content.ReadFromJsonAsync<List<T>>(Json, cancellationToken) ?? [];
            }
            catch (JsonException e)
            {
                throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} returned {resource} that cannot be read: {e.Message}", e.ToString());
            }
        }, cancellationToken);
}
