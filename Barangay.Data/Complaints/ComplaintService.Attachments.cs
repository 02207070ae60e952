using System.Text.Json;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints;

public sealed partial class ComplaintService
{
    /// <summary>
    /// Whether the caller may read a file attached to a complaint: exactly who may open the complaint (its complainant,
    /// or an official <see cref="HallMaySee"/> lets in), so a confidential complaint's attachments are as closed as it is.
    /// Null when no complaint holds the file yet (uploaded, not yet sent with a complaint): then only its uploader may.
    /// </summary>
    internal static async Task<bool?> MayReadAttachmentAsync(BarangayDbContext db, Caller caller, Guid fileId, CancellationToken ct)
    {
        var contained = JsonSerializer.Serialize(new[] { fileId });
        var owners = await db.Complaints.AsNoTracking().IgnoreQueryFilters()
            .Where(c => c.Attachments != null && EF.Functions.JsonContains(c.Attachments, contained))
            .Select(c => new
            {
                c.Confidential, c.AssignedTo, c.Category,
                Complainant = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.UserId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (owners.Count == 0) return null;
        // One file could be named by two complaints (the same uploader sending it twice): every one of them must let the caller in.
        return owners.All(o => (caller.UserId is { } me && o.Complainant == me) || HallMaySee(caller, o.Confidential, o.AssignedTo, o.Category));
    }
}
