namespace Barangay.Data.Common;

/// <summary>
/// The one address every link the app emails or prints starts with (password reset, email confirmation and change,
/// the certificate's QR code, anything a notification or an email points to): the configured <c>PublicBaseUrl</c>,
/// never the request's <c>Host</c>, which a client chooses (a forged Host once put a valid reset code in a link to
/// someone else's server).
/// </summary>
public sealed class PublicLinks
{
    public const string ConfigKey = "PublicBaseUrl";

    public PublicLinks(Uri baseUrl)
    {
        if (Problem(baseUrl.OriginalString) is { } problem) throw new ArgumentException(problem, nameof(baseUrl));
        BaseUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>Ends with a slash: <c>https://barangay.example.gov.ph/</c> (or with its path, <c>…/san-roque/</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The host name alone (for identifiers such as a calendar entry's UID).</summary>
    public string Host => BaseUrl.Host;

    /// <summary>The absolute address of a path inside the app (<c>/verify/abc?x=1</c> or <c>verify/abc</c>).</summary>
    public string To(string pathAndQuery) => BaseUrl.GetLeftPart(UriPartial.Path) + pathAndQuery.TrimStart('/');

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
