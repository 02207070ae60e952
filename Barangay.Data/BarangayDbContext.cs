using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Email;
using Barangay.Data.Events;
using Barangay.Data.Exports;
using Barangay.Data.Files;
using Barangay.Data.Households;
using Barangay.Data.Imports;
using Barangay.Data.Messaging;
using Barangay.Data.Notifications;
using Barangay.Data.Officials;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Barangay.Data;

/// <summary>
/// The whole schema of the data-model document. Identity's user lives in <c>users</c>; roles are
/// <c>users.roles</c>, so this is a user-only Identity context (no roles tables to keep in sync).
/// </summary>
public class BarangayDbContext(DbContextOptions<BarangayDbContext> options)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    static BarangayDbContext()
    {
        // CockroachDB has no infinity timestamps; keep PostgreSQL behaving the same.
        AppContext.SetSwitch("Npgsql.DisableDateTimeInfinityConversions", true);
    }

    /// <summary>Who is making the changes saved through this context; the audit interceptor records it.</summary>
    public AuditActor? Actor { get; set; }

    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ResidentName> ResidentNames => Set<ResidentName>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<Documents.Verification.CertificateSigningKey> CertificateSigningKeys => Set<Documents.Verification.CertificateSigningKey>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<CommunityEvent> Events => Set<CommunityEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationParticipant> ConversationParticipants => Set<ConversationParticipant>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<DataExport> Exports => Set<DataExport>();
    public DbSet<DataImport> Imports => Set<DataImport>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<FailedLogin> FailedLogins => Set<FailedLogin>();
    public DbSet<RegistrationPending> RegistrationsPending => Set<RegistrationPending>();
    public DbSet<EmailQueueItem> EmailQueue => Set<EmailQueueItem>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<LookupValue> LookupValues => Set<LookupValue>();
    public DbSet<IdCounter> IdCounters => Set<IdCounter>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // CockroachDB's INTEGER is 64-bit; say int4 so both databases agree (COCKROACHDB.md rule 7).
        configurationBuilder.Properties<int>().HaveColumnType("int4");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BarangayDbContext).Assembly);

        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        // Every context is configured with its key ring (DataServiceCollectionExtensions.Configure); a bare one gets the default.
        var cipher = this.GetService<IDbContextOptions>().FindExtension<Security.ColumnEncryptionExtension>()?.Cipher ?? Security.ColumnCipher.For(null);
        Security.EncryptedColumns.Apply(builder, cipher);
        builder.HasDbFunction(typeof(NameSearch).GetMethod(nameof(NameSearch.Similarity))!).HasName("similarity").IsBuiltIn();
    }
}
