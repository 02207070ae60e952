using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>
/// The municipality database: the catalogue of barangays, municipal accounts, settings, their audit and the pending
/// moves between barangays. Its own migrations (Municipality/Migrations) and history table. The model is configured
/// here rather than in IEntityTypeConfiguration classes, because <see cref="BarangayDbContext"/> applies every such
/// class in this assembly and would otherwise grow these tables in every barangay database.
/// </summary>
public class MunicipalityDbContext(DbContextOptions<MunicipalityDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__municipality_migrations";

    public DbSet<CatalogueEntry> Barangays => Set<CatalogueEntry>();
    public DbSet<MunicipalAccount> Accounts => Set<MunicipalAccount>();
    public DbSet<MunicipalSetting> Settings => Set<MunicipalSetting>();
    public DbSet<MunicipalAuditEntry> Audit => Set<MunicipalAuditEntry>();
    public DbSet<BarangayMove> Moves => Set<BarangayMove>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // CockroachDB's INTEGER is 64-bit; say int4 so both databases agree (COCKROACHDB.md rule 7).
        configurationBuilder.Properties<int>().HaveColumnType("int4");

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<CatalogueEntry>(e =>
        {
            e.ToTable("barangays", t =>
            {
                t.HasCheckConstraint("ck_barangays_psgc", "psgc ~ '^[0-9]{10}$'");
                t.HasCheckConstraint("ck_barangays_status", "status IN ('active', 'suspended')");
            });
            e.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
            e.Property(x => x.Slug).HasMaxLength(63);
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.Psgc).HasMaxLength(10);
            e.Property(x => x.Host).HasMaxLength(253);
            e.Property(x => x.PublicUrl).HasMaxLength(300);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Server).HasMaxLength(63);
            e.Property(x => x.DatabaseName).HasMaxLength(63);
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.Host).IsUnique();
            e.HasIndex(x => x.Psgc).IsUnique();
            e.HasIndex(x => new { x.Server, x.DatabaseName }).IsUnique();
        });
        b.Entity<MunicipalAccount>(e =>
        {
            e.ToTable("municipal_accounts");
            e.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.FullName).HasMaxLength(120);
            e.Property(x => x.Office).HasMaxLength(120);
            e.Property(x => x.Role).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            // Lower-cased by the service; a plain unique index (no expression index as an ON CONFLICT target: rule 10).
            e.HasIndex(x => x.UserName).IsUnique();
        });
        b.Entity<MunicipalSetting>(e =>
        {
            e.ToTable("municipal_settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
        });
        b.Entity<MunicipalAuditEntry>(e =>
        {
            e.ToTable("municipal_audit_logs");
            e.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
            e.Property(x => x.Actor).HasMaxLength(160);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Target).HasMaxLength(160);
            e.Property(x => x.Details).HasColumnType("jsonb");
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasIndex(x => x.Timestamp);
            e.HasIndex(x => new { x.Action, x.Timestamp }); // the sign-in throttle counts recent failures
        });
        b.Entity<BarangayMove>(e =>
        {
            e.ToTable("barangay_moves", t => t.HasCheckConstraint("ck_barangay_moves_status", "status IN ('pending', 'accepted', 'declined')"));
            e.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Rbi).HasColumnType("jsonb");
            e.Property(x => x.ConsentNote).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(160);
            e.Property(x => x.DecidedBy).HasMaxLength(160);
            e.Property(x => x.DeclineReason).HasMaxLength(500);
            e.HasOne<CatalogueEntry>().WithMany().HasForeignKey(x => x.FromBarangayId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CatalogueEntry>().WithMany().HasForeignKey(x => x.ToBarangayId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ToBarangayId, x.Status });
            e.HasIndex(x => new { x.FromBarangayId, x.FromResidentId });
        });
    }

    /// <summary>The options every municipality context uses (migrations here, in their own history table; snake_case).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, string connectionString, DatabaseOptions options)
    {
        o.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsHistoryTable(HistoryTable);
            npgsql.MigrationsAssembly(typeof(MunicipalityDbContext).Assembly.GetName().Name);
            npgsql.ExecutionStrategy(d => new Resilience.FailoverRetryStrategy(d));
        }).UseSnakeCaseNamingConvention();
        if (options.IsCockroach)
            o.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository, CockroachHistoryRepository>();
        return o;
    }
}
