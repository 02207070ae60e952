using Microsoft.Playwright;

namespace Barangay.Tests.Infrastructure;

/// <summary>Keeps a PNG of what a test saw under .data/test-results/screenshots, for people to look at.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var root = Environment.GetEnvironmentVariable("BARANGAY_DATA_ROOT") ?? Path.GetTempPath();
        var dir = Path.Combine(root, "test-results", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }
}
