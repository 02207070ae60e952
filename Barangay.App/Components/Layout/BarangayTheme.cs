using MudBlazor;

namespace Barangay.App.Components.Layout;

/// <summary>The hall's colours: a civic blue with the flag's gold as the accent.</summary>
public static class BarangayTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#c9a227",
            Tertiary = "#b22234",
            AppbarBackground = "#0b5394",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6fa8dc",
            Secondary = "#e0c25a",
            Tertiary = "#e06666",
            AppbarBackground = "#1e2a38",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
