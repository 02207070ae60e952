using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Notifications;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Accounts;

/// <summary>Registration and review services over a demo database, with files in a temporary folder.</summary>
public static class RegistrationTestHost
{
    public static TestServices Start(string connectionString, string dataRoot) =>
        new(connectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = dataRoot });
            s.AddSingleton<IEmailDispatcher, RecordingDispatcher>();
            s.AddSingleton(new NotificationOptions());
            s.AddScoped<NotificationService>();
            s.AddPasswordGate();
            s.AddScoped<RegistrationService>();
            s.AddScoped<RegistrationReviewService>();
        });

    /// <summary>Delivery is the email job's business (tested there); here only the queued row matters.</summary>
    public sealed class RecordingDispatcher : IEmailDispatcher
    {
        public List<Guid> Dispatched { get; } = [];

        public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
        {
            lock (Dispatched) Dispatched.AddRange(ids);
            return Task.CompletedTask;
        }
    }
}
