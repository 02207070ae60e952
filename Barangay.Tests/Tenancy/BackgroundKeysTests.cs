using Barangay.App.Live;
using Barangay.Data.Files;
using Barangay.Data.Tenancy;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barangay.Tests.Tenancy;

/// <summary>Live-update keys and stored files are kept per barangay by the ambient barangay.</summary>
public class BackgroundKeysTests
{
    private static readonly Barangay.Data.Municipality.BarangayListing A = new ConfiguredBarangay { Slug = "a", ConnectionString = "Host=x" }.ToListing();
    private static readonly Barangay.Data.Municipality.BarangayListing B = new ConfiguredBarangay { Slug = "b", ConnectionString = "Host=x" }.ToListing();

    [Fact]
    public async Task LiveNotifier_SignalOfOneBarangay_NeverWakesAnothersSubscriber()
    {
        var live = new LiveNotifier(NullLogger<LiveNotifier>.Instance);
        var woken = 0;
        using (BarangayAmbient.Use(A)) live.Subscribe("notifications:u1", () => { woken++; return Task.CompletedTask; });

        using (BarangayAmbient.Use(B))
        {
            await live.NotifyAsync("notifications:u1");
            live.KeysStartingWith("notifications:").Should().BeEmpty("B's poller has nobody to ask about");
        }
        woken.Should().Be(0);
        using (BarangayAmbient.Use(A))
        {
            live.KeysStartingWith("notifications:").Should().Equal("notifications:u1");
            await live.NotifyAsync("notifications:u1");
        }
        woken.Should().Be(1);
    }

    [Fact]
    public async Task FileStore_FileOfOneBarangay_IsUnderItsPrefixAndNotFoundInAnother()
    {
        var root = Path.Combine(Path.GetTempPath(), "barangay-files-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new FileStorageOptions { DataRoot = root };
            var store = new BarangayFileStore(new LocalFileStore(options), options);
            var key = FileStoreKeys.New();
            using (BarangayAmbient.Use(A)) await store.PutAsync(key, new MemoryStream([1, 2, 3]));

            File.Exists(Path.Combine(root, "barangays", "a", "files", key)).Should().BeTrue();
            using (BarangayAmbient.Use(B)) (await store.OpenReadAsync(key)).Should().BeNull();
            (await store.OpenReadAsync(key)).Should().BeNull("the home store is not a barangay's");
            using (BarangayAmbient.Use(A)) (await store.OpenReadAsync(key)).Should().NotBeNull();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
