using Microsoft.Playwright;

namespace Barangay.Tests.Infrastructure;

/// <summary>Keeps a PNG of what a test saw under .data/test-results/screenshots, for people to look at.</summary>
public static class Screenshots
{
    /// <summary>The folder (created on first use); printed PDFs are kept there too.</summary>
    public static string Directory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("BARANGAY_DATA_ROOT") ?? Path.GetTempPath();
            return System.IO.Directory.CreateDirectory(Path.Combine(root, "test-results", "screenshots")).FullName;
        }
    }

    public static async Task SaveAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
}
