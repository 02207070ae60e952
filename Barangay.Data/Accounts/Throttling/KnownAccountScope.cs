using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;

namespace Barangay.Data.Accounts.Throttling;

/// <summary>
/// The owner's-browser mark (<see cref="PasswordAttempt.KnownAccounts"/>, one cookie per host) names each account under
/// the realm it belongs to, because one host serves several barangays and the municipality, and the same user name is a
/// different account in each: a barangay's account as <c>b/{slug}/{name}</c>, a municipal one as
/// <c>municipality/{name}</c>. A gate sees only its own realm's names (as bare names) and marks under its realm, so a
/// browser that signed in as <c>admin</c> of one barangay earns no exception for <c>admin</c> of another.
/// With no barangay chosen (today's single-barangay deployment) names stay bare, so its cookies keep working; a bare name
/// (a cookie written before marks were scoped) is then worth nothing on a deployment of several barangays.
/// </summary>
public sealed class KnownAccountScope(IPasswordAttemptSource inner, Func<string?> realm) : IPasswordAttemptSource
{
    public const string MunicipalRealm = "municipality/";

    /// <summary>"b/" first, as in the path prefix <c>/b/{slug}/</c>, so no slug can reach the municipal realm.</summary>
    public static string BarangayRealm(BarangayListing barangay) => "b/" + barangay.Slug + "/";

    /// <summary>The barangay of the flow at the time of each check (the request's, the circuit's), none on a single barangay.</summary>
    public static IPasswordAttemptSource ForBarangay(IPasswordAttemptSource inner) =>
        new KnownAccountScope(inner, () => BarangayAmbient.Current is { } b ? BarangayRealm(b) : null);

    public static IPasswordAttemptSource ForMunicipality(IPasswordAttemptSource inner) => new KnownAccountScope(inner, () => MunicipalRealm);

    public PasswordAttempt Current
    {
        get
        {
            var attempt = inner.Current;
            if (realm() is not { } prefix) return attempt;
            return attempt with
            {
                KnownAccounts = attempt.KnownAccounts.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToHashSet(),
            };
        }
    }

    public void RememberAccount(string accountKey) => inner.RememberAccount(realm() + accountKey);
}
