using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Dashboard;

/// <summary>
/// The index behind the home's costliest statement, the count of active residents by purok, sex and age band
/// (<see cref="OfficialHomeQuery"/>): partial on exactly that statement's filter and holding every column it reads, so
/// PostgreSQL answers from the index alone (an index-only scan: about 400 pages instead of the table's 3,100 at 100,000
/// residents, measured with EXPLAIN (ANALYZE, BUFFERS); docs/schema.md). Kept beside the query rather than in the
/// residents' configuration because the query is its only reason to exist.
/// </summary>
public sealed class OfficialHomeResidentIndex : IEntityTypeConfiguration<Resident>
{
    public const string Name = "ix_residents_active_purok_sex_dob";

    /// <summary>The statement must repeat this filter word for word (literals, not parameters) for the index to apply.</summary>
    public const string Filter = "deleted_at IS NULL AND registration_status = '" + ResidentStatuses.Active + "'";

    public void Configure(EntityTypeBuilder<Resident> b) =>
        b.HasIndex(x => new { x.Purok, x.Sex, x.Dob }).HasFilter(Filter).HasDatabaseName(Name);
}
