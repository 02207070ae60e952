namespace Barangay.Jobs.Email;

/// <summary>How email is delivered (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>With no key (the local default) messages are written as .eml files under <see cref="MailDirectory"/>.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>SendGrid's API address; tests point it at a local fake. Null = the client's default.</summary>
    public string? SendGridBaseUrl { get; set; }

    /// <summary>Attempts before an email is marked failed (429, 5xx and network errors are retried).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry waits this long; each further one twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sender holds a row; a crashed sender's row is taken over after it.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where .eml files go when there is no SendGrid key (<c>&lt;Storage:DataRoot&gt;/mail</c>).</summary>
    public string MailDirectory { get; set; } = Path.Combine(".data", "mail");

    /// <summary>The sender when the <c>email.sender</c> setting is empty.</summary>
    public string DefaultSender { get; set; } = "no-reply@barangay.local";

    /// <summary>How long a request to SendGrid may take before it counts as a network error.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesSendGrid => !string.IsNullOrWhiteSpace(SendGridApiKey);

    /// <summary>The wait before attempt <paramref name="attemptsMade"/> + 1: base, 2×base, 4×base, …</summary>
    public TimeSpan BackoffAfter(int attemptsMade) =>
        TimeSpan.FromTicks(RetryBaseDelay.Ticks * (1L << Math.Clamp(attemptsMade - 1, 0, 20)));
}
