using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Barangay.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BarangayDbContext>
{
    public BarangayDbContext CreateDbContext(string[] args)
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Owner")
                 ?? "Host=127.0.0.1;Port=55432;Database=barangay;Username=barangay_owner;Password=barangay_owner";
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, cs, new DatabaseOptions());
        return new BarangayDbContext(b.Options);
    }
}
