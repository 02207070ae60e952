using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;

namespace Barangay.Data.Common;

/// <summary>
/// The one address every link the app emails or prints starts with (password reset, email confirmation and change,
/// the certificate's QR code, anything a notification or an email points to): the configured <c>PublicBaseUrl</c>,
/// never the request's <c>Host</c>, which a client chooses (a forged Host once put a valid reset code in a link to
/// someone else's server).
/// On a deployment of several barangays (<paramref name="perBarangay"/>) each barangay has its own public address, and
/// the address of the barangay current in the flow (<see cref="BarangayAmbient"/>: the request's, the circuit's, the
/// job's) is the one links start with: its catalogue <c>public_url</c> when set (the host residents type), else the
/// deployment's <c>PublicBaseUrl</c> followed by <c>b/{slug}/</c>. Never the request's Host either way.
/// </summary>
public sealed class PublicLinks(Uri baseUrl, bool perBarangay = false)
{
    public const string ConfigKey = "PublicBaseUrl";

    private readonly Uri _deployment = Normalized(baseUrl, ConfigKey);

    /// <summary>
    /// Ends with a slash: <c>https://barangay.example.gov.ph/</c> (or with its path, <c>…/san-roque/</c>); on a deployment
    /// of several barangays, the current barangay's (<see cref="BaseOf"/>), and the deployment's when none is current.
    /// </summary>
    public Uri BaseUrl => perBarangay && BarangayAmbient.Current is { } b ? BaseOf(b.Slug, b.PublicUrl) : _deployment;

    /// <summary>The deployment's own address (the municipality's pages, a barangay's address when it has none of its own).</summary>
    public Uri DeploymentBaseUrl => _deployment;

    /// <summary>A barangay's public address: its own <paramref name="publicUrl"/>, else the deployment's + <c>b/{slug}/</c>.</summary>
    public Uri BaseOf(string slug, string? publicUrl) =>
        string.IsNullOrWhiteSpace(publicUrl) ? new Uri(_deployment, "b/" + Uri.EscapeDataString(slug) + "/") : Normalized(new Uri(publicUrl.Trim(), UriKind.RelativeOrAbsolute), $"The public address of barangay {slug}");

    private static Uri Normalized(Uri url, string what)
    {
        if (Problem(url.OriginalString) is { } problem) throw new ArgumentException(what == ConfigKey ? problem : what + ": " + problem, nameof(url));
        return new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>The host name alone (for identifiers such as a calendar entry's UID).</summary>
    public string Host => BaseUrl.Host;

    /// <summary>The absolute address of a path inside the app (<c>/verify/abc?x=1</c> or <c>verify/abc</c>).</summary>
    public string To(string pathAndQuery) => BaseUrl.GetLeftPart(UriPartial.Path) + pathAndQuery.TrimStart('/');

    /// <summary>The same on a named barangay's address (a command printing a barangay's set-up link).</summary>
    public string To(string slug, string? publicUrl, string pathAndQuery) => BaseOf(slug, publicUrl).GetLeftPart(UriPartial.Path) + pathAndQuery.TrimStart('/');

    /// <summary>Why <paramref name="value"/> cannot be the public base URL, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        const string example = " (for example https://barangay.example.gov.ph: the address residents type, as the proxy in front serves it)";
        if (string.IsNullOrWhiteSpace(value)) return $"{ConfigKey} is not set. Set it to the app's public address" + example + ".";
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
            return $"{ConfigKey} \"{value}\" is not an absolute http(s) address. Set it to the app's public address" + example + ".";
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            return $"{ConfigKey} \"{value}\" must not carry a query, a fragment or credentials.";
        return null;
    }
}
