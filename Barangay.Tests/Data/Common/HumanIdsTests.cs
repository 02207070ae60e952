using Barangay.Data;
using Barangay.Data.Common;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Common;

public class HumanIdsTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task NextAsync_FiftyConcurrentWriters_DistinctAndWithoutGaps()
    {
        var factory = _services.Get<IDbContextFactory<BarangayDbContext>>();
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var id = await HumanIds.NextAsync(db, "TST", 2026);
            await tx.CommitAsync();
            return id;
        }));

        ids.Should().OnlyHaveUniqueItems();
        ids.Order(StringComparer.Ordinal).Should().Equal(Enumerable.Range(1, 50).Select(n => $"TST-2026-{n:D6}"));
    }

    [Fact]
    public async Task NextAsync_TransactionRolledBack_NumberIsGivenBack()
    {
        var factory = _services.Get<IDbContextFactory<BarangayDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await HumanIds.NextAsync(db, "RBK", 2026)).Should().Be("RBK-2026-000001");
            await tx.RollbackAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            (await HumanIds.NextAsync(db, "RBK", 2026)).Should().Be("RBK-2026-000001", "the rolled-back number was never used");
        }
    }

    [Fact]
    public async Task NextAsync_NewYear_StartsAgainAtOne()
    {
        await using var db = await _services.DbAsync();
        await HumanIds.NextAsync(db, "YR", 2026);
        await HumanIds.NextAsync(db, "YR", 2026);
        (await HumanIds.NextAsync(db, "YR", 2027)).Should().Be("YR-2027-000001");
    }

    [Fact]
    public async Task ReserveAsync_Block_FollowsSingleIds()
    {
        await using var db = await _services.DbAsync();
        await HumanIds.NextAsync(db, "BLK", 2026);
        (await HumanIds.ReserveAsync(db, "BLK", 2026, 10)).Should().Be(2);
        (await HumanIds.NextAsync(db, "BLK", 2026)).Should().Be("BLK-2026-000012");
    }
}
