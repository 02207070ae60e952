using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Barangay.Data.Municipality;

/// <summary>Lets <c>dotnet ef migrations add … -c MunicipalityDbContext</c> build the model without the app.</summary>
public sealed class MunicipalityDesignTimeFactory : IDesignTimeDbContextFactory<MunicipalityDbContext>
{
    public MunicipalityDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<MunicipalityDbContext>();
        MunicipalityDbContext.Configure(b, "Host=127.0.0.1;Port=55432;Database=municipality;Username=barangay_owner;Password=barangay_owner", new DatabaseOptions());
        return new(b.Options);
    }
}
