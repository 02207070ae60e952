using Barangay.Data.Security;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The not-yet-approved applicant as a caller, for the one thing they do before they can sign in: storing their
/// own ID photo through the file store, as uploader and owner of it.
/// </summary>
internal sealed class ApplicantCaller(Guid userId, string userName, string? ip, string? userAgent) : ICurrentUser
{
    public Task<Caller> GetAsync(CancellationToken ct = default) =>
        Task.FromResult(new Caller(userId, userName, [], new HashSet<string>(), ip, userAgent, Guid.NewGuid()));
}
