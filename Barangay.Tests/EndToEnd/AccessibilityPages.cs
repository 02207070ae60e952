namespace Barangay.Tests.EndToEnd;

/// <summary>Who looks at a page in the accessibility test (the demo barangay's published accounts).</summary>
public enum AxeRole { Anonymous, Resident, Secretary, Treasurer, Admin }

/// <summary>
/// One routable page as the accessibility test visits it: the route exactly as its <c>@page</c> directive says,
/// the roles that see it, and for a route with a <c>{…}</c> parameter the SQL (first column, first row) that picks a
/// demo row to show. A query that finds no row opens the page on an unknown id (its "not found" state) and says so.
/// </summary>
public sealed record AxePage(string Route, AxeRole[] Roles, string? IdQuery = null)
{
    public AxePage(string route, AxeRole role, string? idQuery = null) : this(route, [role], idQuery) { }

    /// <summary>What a user does on the page before it is checked, for a state only a form post reaches (the SMS code step).</summary>
    public Func<Microsoft.Playwright.IPage, Task>? Then { get; init; }
}

/// <summary>
/// Every page the axe test checks. A new <c>@page</c> must be added here (AccessibilityTests fails and names it);
/// a page not meant to be checked (a redirect with no content) goes in <see cref="NotChecked"/> with the reason.
/// </summary>
public static class AccessibilityPages
{
    /// <summary>Rows with the longest history first: a page full of data, not an empty state.</summary>
    private const string History = "jsonb_array_length(COALESCE(metadata->'history', '[]'::jsonb))";

    private const string Juan = "(SELECT r.id FROM residents r JOIN users u ON u.id = r.user_id WHERE u.username = 'juan')";

    private static readonly AxeRole[] Everyone = [AxeRole.Anonymous, AxeRole.Resident, AxeRole.Secretary, AxeRole.Admin];
    private static readonly AxeRole[] SignedIn = [AxeRole.Resident, AxeRole.Secretary, AxeRole.Admin];
    private const AxeRole R = AxeRole.Resident, S = AxeRole.Secretary, A = AxeRole.Admin;

    public static readonly AxePage[] All =
    [
        // Pages for everyone, and the account pages (Razor Pages, not @page components: listed by address).
        new("/", SignedIn),
        new("/Identity/Account/Login", AxeRole.Anonymous),
        new("/Identity/Account/Register", AxeRole.Anonymous),
        // Sign-in and registration by a code texted to a mobile number (issue 24): the number step, then the code step.
        new("/Identity/Account/SmsCode?for=sign-in", AxeRole.Anonymous),
        new("/Identity/Account/SmsCode?for=registration", AxeRole.Anonymous),
        new("/Identity/Account/SmsCode?for=sign-in", AxeRole.Anonymous) { Then = SmsCodeStepAsync },
        new("/Identity/Account/SmsCode?for=registration", AxeRole.Anonymous) { Then = SmsCodeStepAsync },
        new("/verify/{Code}", AxeRole.Anonymous, "SELECT 'NOT-A-REAL-CODE'"),
        // Static pages served by endpoints, not @page components (no circuit): listed by address.
        new("/verify", AxeRole.Anonymous),
        new("/certificates/keys", AxeRole.Anonymous),
        new("/charter", AxeRole.Anonymous),
        new("/accessibility", Everyone),
        new("/officials", [AxeRole.Anonymous, R]),
        new("/not-found", [AxeRole.Anonymous, R]),
        new("/error", AxeRole.Anonymous),
        new("/forbidden", R),
        new("/notifications", [R, S]),
        new("/announcements", [R, S]),
        new("/me/devices", R),

        // The resident's pages.
        new("/me", R),
        new("/my/requests", R),
        new("/my/requests/new", R),
        new("/my/requests/{Id:guid}", R, $"SELECT id FROM document_requests WHERE resident_id = {Juan} ORDER BY {History} DESC, submitted_at DESC LIMIT 1"),
        new("/my/complaints", R),
        new("/my/complaints/new", R),
        new("/my/complaints/{Id:guid}", R, $"SELECT id FROM complaints WHERE resident_id = {Juan} ORDER BY reported_at DESC LIMIT 1"),
        new("/messages", [R, S]),
        new("/messages/new", R),
        new("/messages/{Id:guid}", R, $"SELECT id FROM conversations WHERE resident_id = {Juan} ORDER BY created_at DESC LIMIT 1"),
        new("/events", R),
        new("/events/{Id:guid}", R, "SELECT id FROM events WHERE status = 'published' ORDER BY start_at DESC LIMIT 1"),

        // The hall's pages.
        new("/residents", S),
        new("/residents/new", S),
        new("/residents/{Id:guid}", S, $"SELECT {Juan}"),
        new("/residents/{Id:guid}/edit", S, $"SELECT {Juan}"),
        // Moves between barangays (issue 27): on this one-barangay deployment they say there is nowhere to move.
        new("/residents/moves", S),
        new("/residents/{Id:guid}/move-out", S, $"SELECT {Juan}"),
        new("/households", S),
        new("/households/{Id:guid}", S, $"SELECT household_id FROM residents WHERE id = {Juan}"),
        new("/registrations", S),
        new("/registrations/{Id:guid}", S, "SELECT id FROM registration_pending WHERE status = 'pending' ORDER BY created_at LIMIT 1"),
        new("/documents", S),
        new("/documents/new", S),
        new("/documents/{Id:guid}", S, $"SELECT id FROM document_requests WHERE status = 'released' ORDER BY {History} DESC, submitted_at DESC LIMIT 1"),
        new("/documents/collections", AxeRole.Treasurer),
        new("/documents/my-signature", S),
        new("/documents/templates", [S, A]),
        new("/complaints", S),
        new("/complaints/new", S),
        new("/complaints/blotter", S),
        new("/complaints/kp", S),
        new("/complaints/{Id:guid}", S, "SELECT id FROM complaints ORDER BY (resolution_notes IS NOT NULL) DESC, reported_at DESC LIMIT 1"),
        new("/complaints/kp/{Id:guid}", S, "SELECT id FROM kp_cases ORDER BY created_at DESC LIMIT 1"),
        new("/messages/hall", S),
        new("/reports", S),
        new("/hall/events", S),
        new("/hall/events/new", S),
        new("/hall/events/{Id:guid}/edit", S, "SELECT id FROM events ORDER BY start_at DESC LIMIT 1"),
        new("/hall/events/{Id:guid}/attendees", S, "SELECT id FROM events ORDER BY registered_count DESC, start_at DESC LIMIT 1"),
        new("/hall/announcements", S),
        new("/hall/announcements/new", S),
        new("/hall/announcements/{Id:guid}", S, "SELECT id FROM announcements ORDER BY created_at DESC LIMIT 1"),
        new("/exports", S),
        new("/imports", S),
        new("/imports/{Id:guid}", S, "SELECT id FROM imports ORDER BY requested_at DESC LIMIT 1"),

        // The admin's pages.
        new("/admin/users", A),
        new("/admin/security", A),
        new("/admin/settings", A),
        new("/admin/lookups", A),
        new("/admin/outbox", A),
        new("/admin/sms", A),
        new("/admin/audit", A),
        new("/admin/officials", A),
    ];

    /// <summary>
    /// The SMS page's second step: a number with no account is sent (the answer is the same as for one with an account,
    /// and no text goes out), and the code box shows. Two of the 20 codes an address may ask for in an hour.
    /// </summary>
    private static async Task SmsCodeStepAsync(Microsoft.Playwright.IPage page)
    {
        await page.Locator("#PhoneNumber").FillAsync("0917 000 2525");
        await page.Locator("#sms-send-button").ClickAsync();
        await page.Locator("#Code").WaitForAsync();
    }

    /// <summary>Routes that exist but are not checked, with why.</summary>
    /// <summary>Pages served by an endpoint rather than an <c>@page</c> component (static, no circuit): listed by address.</summary>
    public static readonly IReadOnlySet<string> Endpoints = new HashSet<string>(StringComparer.Ordinal) { "/verify", "/certificates/keys", "/charter" };

    /// <summary>Pages rendered statically on the server (no circuit, so no interactive marker to wait for).</summary>
    public static readonly IReadOnlySet<string> Static = new HashSet<string>(StringComparer.Ordinal) { "/verify", "/certificates/keys", "/charter", "/officials" };

    public static readonly IReadOnlyDictionary<string, string> NotChecked = new Dictionary<string, string>
    {
    };
}
