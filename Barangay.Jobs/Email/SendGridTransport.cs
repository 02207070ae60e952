using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Barangay.Jobs.Email;

/// <summary>Sends through the real SendGrid client; <see cref="EmailOptions.SendGridBaseUrl"/> can point it elsewhere (tests).</summary>
public sealed partial class SendGridTransport : IEmailTransport, IDisposable
{
    private readonly HttpClient _http;
    private readonly SendGridClient _client;

    public SendGridTransport(EmailOptions options)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 })
        {
            Timeout = options.RequestTimeout,
        };
        var clientOptions = new SendGridClientOptions { ApiKey = options.SendGridApiKey };
        if (!string.IsNullOrWhiteSpace(options.SendGridBaseUrl)) clientOptions.Host = options.SendGridBaseUrl.TrimEnd('/');
        _client = new SendGridClient(_http, clientOptions);
    }

    public async Task<DeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var plain = email.IsHtml ? TagPattern().Replace(email.Body, " ") : email.Body;
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(email.From), new EmailAddress(email.To), email.Subject, plain, email.IsHtml ? email.Body : null);
        message.CustomArgs = new Dictionary<string, string> { ["email_queue_id"] = email.Id.ToString() };
        Response response;
        try
        {
            response = await _client.SendEmailAsync(message, ct);
        }
        catch (HttpRequestException e)
        {
            return DeliveryOutcome.Retry($"Could not reach SendGrid: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry("SendGrid did not answer in time");
        }
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return DeliveryOutcome.Sent($"Accepted by SendGrid ({code})");
        var reason = await ReasonAsync(response, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests) return DeliveryOutcome.Retry($"SendGrid is rate limiting ({code})");
        if (code >= 500) return DeliveryOutcome.Retry($"SendGrid had a server error ({code}){(reason.Length > 0 ? ": " + reason : "")}");
        if (code == 401 || code == 403) return DeliveryOutcome.Rejected($"Rejected by SendGrid ({code}): the API key was refused{(reason.Length > 0 ? " — " + reason : "")}");
        return DeliveryOutcome.Rejected($"Rejected by SendGrid ({code}){(reason.Length > 0 ? ": " + reason : "")}");
    }

    /// <summary>SendGrid explains a refusal as <c>{"errors":[{"message":…}]}</c>; the messages are what the admin needs.</summary>
    private static async Task<string> ReasonAsync(Response response, CancellationToken ct)
    {
        if (response.Body is null) return "";
        var text = await response.Body.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return "";
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.GetString() : null)
                    .Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
                if (messages.Count > 0) return string.Join("; ", messages);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }
        return text.Length > 300 ? text[..300] + "…" : text.Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    public void Dispose() => _http.Dispose();
}
