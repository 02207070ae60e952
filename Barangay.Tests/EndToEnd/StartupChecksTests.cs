using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.EndToEnd;

/// <summary>In Production the app will not serve without a public address and a list of its hosts, and says why (issue 19, item 1).</summary>
[Trait("Category", "EndToEnd")]
public class StartupChecksTests
{
    // Never reached: the checks stop the app before anything touches the database.
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=1";

    [Theory]
    [InlineData("", "127.0.0.1", "PublicBaseUrl is not set")]
    [InlineData("barangay.example.gov.ph", "127.0.0.1", "is not an absolute http(s) address")]
    [InlineData("http://127.0.0.1", "*", "AllowedHosts must list the host names")]
    [InlineData("http://127.0.0.1", "", "AllowedHosts must list the host names")]
    public async Task Production_WithoutAPublicAddressOrHosts_RefusesToStart(string publicBaseUrl, string allowedHosts, string reason)
    {
        var start = () => AppProcess.StartAsync(NoDatabase, new Dictionary<string, string>
        {
            ["PublicBaseUrl"] = publicBaseUrl,
            ["AllowedHosts"] = allowedHosts,
        });

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(reason);
    }
}
