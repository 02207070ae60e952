using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Barangay.Data.Sms;

namespace Barangay.Jobs.Sms;

/// <summary>
/// A plain HTTP SMS gateway: <c>POST {base}/messages</c> with <c>{"to","message","sender"}</c> and a bearer key;
/// 2xx is sent (the gateway's <c>id</c> is kept), 429/5xx/network errors are retried, any other answer fails.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, SmsOptions options) : ISmsSender
{
    public async Task<SmsSendResult> SendAsync(string toNumber, string body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.GatewayBaseUrl!.TrimEnd('/') + "/"), "messages"))
        {
            Content = JsonContent.Create(new { to = toNumber, message = body, sender = options.SenderName }),
        };
        if (!string.IsNullOrWhiteSpace(options.GatewayApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.GatewayApiKey);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var id = await ReadIdAsync(response, ct);
                return new SmsSendResult(SmsOutcome.Sent, id is null ? $"Accepted by the SMS gateway ({code})." : $"Accepted by the SMS gateway as {id}.");
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests || code >= 500)
                return new SmsSendResult(SmsOutcome.Retry, $"The SMS gateway is busy or failing ({code}); trying again later.");
            return new SmsSendResult(SmsOutcome.Failed, $"The SMS gateway refused the message ({code}).");
        }
        catch (HttpRequestException)
        {
            return new SmsSendResult(SmsOutcome.Retry, "The SMS gateway could not be reached; trying again later.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SmsSendResult(SmsOutcome.Retry, "The SMS gateway did not answer in time; trying again later.");
        }
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return doc.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
