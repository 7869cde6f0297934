using System.Net;

namespace Bpm.Workers.Integrations;

/// <summary>Turns an unsuccessful third-party response into an <see cref="IntegrationException"/> carrying its text.</summary>
public static class HttpResponseChecks
{
    private const int MaxBodyInMessage = 500;

    public static async Task EnsureSuccessAsync(this HttpResponseMessage response, string service, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        var text = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "..." : body;
        var message = $"{service} answered {status} {response.ReasonPhrase}: {text}".TrimEnd(' ', ':');
        throw new IntegrationException(IsPermanent(response.StatusCode) ? IntegrationFailureKind.Rejected : IntegrationFailureKind.Unavailable, message, body);
    }

    /// <summary>A 4xx other than timeout and rate limiting: sending the same request again cannot help.</summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests;

    /// <summary>Runs a call, turning network errors and timeouts into an unavailable service.</summary>
    public static async Task<T> CallAsync<T>(string service, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e)
        {
            throw new IntegrationException(IntegrationFailureKind.Unavailable, $"{service} is unreachable: {e.Message}", e.ToString());
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IntegrationException(IntegrationFailureKind.Unavailable, $"{service} did not answer in time", e.ToString());
        }
    }
}
