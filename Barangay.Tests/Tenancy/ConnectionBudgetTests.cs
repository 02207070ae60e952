using Barangay.Data;
using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Tests.Tenancy;

/// <summary>With many barangays the app's pools together never exceed Tenancy:TotalConnections.</summary>
public class ConnectionBudgetTests
{
    [Fact]
    public void PoolSizes_OfAHundredBarangays_AddUpToNoMoreThanTheBudget()
    {
        var tenancy = new TenancyOptions { TotalConnections = 250 };
        var listings = Enumerable.Range(0, 100).Select(i => new ConfiguredBarangay
        {
            Slug = $"b{i}", ConnectionString = $"Host=127.0.0.1;Database=barangay_{i};Username=app;Maximum Pool Size=100",
        }.ToListing()).ToList();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBarangayData("Host=127.0.0.1;Database=home;Username=app", new DatabaseOptions());
        services.AddConfiguredBarangays(listings, tenancy);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<BarangayContextFactory>();

        var sizes = listings.Select(b => new NpgsqlConnectionStringBuilder(factory.ConnectionStringFor(b.ConnectionString)).MaxPoolSize).ToList();

        sizes.Should().OnlyContain(n => n == 2, "250 connections over 100 barangays");
        sizes.Sum().Should().BeLessThanOrEqualTo(tenancy.TotalConnections);
        factory.OptionsFor(listings[7]).Should().BeSameAs(factory.OptionsFor(listings[7]), "a barangay's options are built once");
    }

    [Fact]
    public void OptionsFor_SuspendedBarangay_IsRefused()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBarangayData("Host=127.0.0.1;Database=home;Username=app", new DatabaseOptions());
        var suspended = new ConfiguredBarangay { Slug = "c", Status = BarangayStatuses.Suspended, ConnectionString = "Host=127.0.0.1;Database=c" }.ToListing();
        services.AddConfiguredBarangays([suspended], new TenancyOptions());
        using var provider = services.BuildServiceProvider();

        var open = () => provider.GetRequiredService<BarangayContextFactory>().OptionsFor(suspended);

        open.Should().Throw<BarangaySuspendedException>();
    }
}
