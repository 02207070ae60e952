using MudBlazor;

namespace Barangay.App.Components.Layout;

/// <summary>
/// The drawer's entries, each behind the permission that its page requires. A feature adds its pages
/// here when it lands, so the drawer never links to a page the user may not open.
/// </summary>
public static class NavItems
{
    public sealed record Item(string Title, string Href, string Icon, string Permission);

    public sealed record Group(string Title, string Icon, string Permission, IReadOnlyList<Item> Items);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("Administration", Icons.Material.Filled.AdminPanelSettings, Barangay.Data.Security.Permissions.Dashboard.Admin,
        [
            new("User accounts", "/admin/users", Icons.Material.Filled.People, Barangay.Data.Security.Permissions.Users.Manage),
            new("Email outbox", "/admin/outbox", Icons.Material.Filled.Outbox, Barangay.Data.Email.EmailOutboxService.Permission),
        ]),
    ];
}
