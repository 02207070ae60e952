using MudBlazor;

namespace Barangay.App.Components.Layout;

/// <summary>
/// The hall's colours: a civic blue with the flag's gold as the accent. Every colour a page can use for text or
/// for a filled chip or button meets WCAG 2.2 AA contrast (4.5:1 for text) against its contrast text and against the
/// surface and background, in both themes (issue 25): MudBlazor's defaults (#00c853 success, #ff9800 warning, half-
/// white secondary text on dark) do not, so they are set here, once, for every page.
/// </summary>
public static class BarangayTheme
{
    public static readonly MudTheme Theme = Create(":root");

    /// <summary>
    /// The same theme whose CSS applies only while the live page says it shows the dark palette (issue 29: the theme's
    /// CSS is written once into the page's head by <see cref="ThemeStyles"/>, not kept in every circuit). MudBlazor
    /// writes its dark variables under this selector; it is more specific than <c>:root</c>, so it wins while it matches.
    /// </summary>
    public static readonly MudTheme DarkWhenShown = Create(":root:has(#app-interactive[data-theme=dark])");

    private static MudTheme Create(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",           // 7.8:1 with white
            Secondary = "#c9a227",         // gold: filled chips and buttons carry dark text (7.2:1)
            SecondaryContrastText = "#1a1a1a",
            Tertiary = "#b22234",
            Info = "#0b6bb8",              // 5.5:1 with white, 5.1:1 on the background
            Success = "#2e7d32",           // 5.1:1
            Warning = "#b45309",           // 5.0:1
            Error = "#c62828",             // 5.6:1
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.68)", // about 6.7:1 on the background; MudBlazor's 0.54 is 4.3:1 there
            ActionDefault = "rgba(0,0,0,0.68)",
            AppbarBackground = "#0b5394",
            AppbarText = "#ffffff",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.68)",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6fa8dc",           // 4.7:1 on the surface; filled buttons carry dark text (6.9:1)
            PrimaryContrastText = "#0d1b2a",
            Secondary = "#e0c25a",
            SecondaryContrastText = "#1a1a1a",
            Tertiary = "#f28b82",
            TertiaryContrastText = "#1a1a1a",
            Info = "#64b5f6",
            InfoContrastText = "#0d1b2a",
            Success = "#81c784",
            SuccessContrastText = "#0d1b2a",
            // A text alert writes its words in the "darken" shade on a faint tint of the surface: MudBlazor's computed
            // darken of these light dark-theme colours falls to about 4.5:1 there (axe failed a complaint's resolution),
            // so in the dark theme the shade is a touch lighter instead, 5.5:1 or more (hover still changes the shade).
            SuccessDarken = "#93d096",
            InfoDarken = "#82c3f8",
            Warning = "#ffb74d",
            WarningContrastText = "#1a1a1a",
            Error = "#f28b82",
            ErrorContrastText = "#1a1a1a",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.72)", // MudBlazor's 0.50 is under 4.5:1 on the dark surface
            ActionDefault = "rgba(255,255,255,0.72)",
            DrawerText = "rgba(255,255,255,0.87)",
            DrawerIcon = "rgba(255,255,255,0.72)",
            AppbarBackground = "#1e2a38",
            AppbarText = "#ffffff",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
