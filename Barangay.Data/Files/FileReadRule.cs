using Barangay.Data.Complaints;
using Barangay.Data.Security;

namespace Barangay.Data.Files;

/// <summary>
/// The one rule for reading a stored file: reading a file is reading the record that owns it. Every owner kind is named
/// here; a file of a kind not named (or not yet known to this version) is read by no one but its uploader and owner.
/// <list type="bullet">
/// <item>complaint attachment: the complaint's own rule (<see cref="ComplaintService.MayReadAttachmentAsync"/>: the
/// complainant, or an official who may open that complaint, confidential ones included); before it is sent with a
/// complaint, its uploader alone;</item>
/// <item>ID document (a registration's or a document request's), resident or official photo, import: its uploader, the
/// person it is about, and the officials whose work it is (<see cref="FileSensitivity.ReadersOf"/>);</item>
/// <item>message attachment: its uploader; the other side of the conversation through a signed link handed out by the
/// messaging service after its own access check;</item>
/// <item>export: the requester alone;</item>
/// <item>public (seal, announcement and event pictures): anyone.</item>
/// </list>
/// </summary>
public static class FileReadRule
{
    public static async Task<bool> MayReadAsync(BarangayDbContext db, Caller caller, Guid fileId, Guid? uploadedBy, FileMetadata metadata, CancellationToken ct)
    {
        switch (metadata.Sensitivity)
        {
            case FileSensitivity.Public:
                return true;
            case FileSensitivity.ComplaintAttachment:
                return await ComplaintService.MayReadAttachmentAsync(db, caller, fileId, ct) ?? IsUploader(caller, uploadedBy);
            case FileSensitivity.IdDocument or FileSensitivity.Photo or FileSensitivity.Import or FileSensitivity.MessageAttachment or FileSensitivity.Export:
                return FileSensitivity.CanRead(caller, uploadedBy, metadata);
            default:
                return false;
        }
    }

    private static bool IsUploader(Caller caller, Guid? uploadedBy) => caller.UserId is { } me && me == uploadedBy;
}
