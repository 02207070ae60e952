using Barangay.Data.Security;

namespace Barangay.Data.Files;

/// <summary>
/// What a file is, for deciding who besides its uploader and owner may read it, and whether every download is audited.
/// </summary>
public static class FileSensitivity
{
    public const string IdDocument = "id_document";
    public const string ComplaintAttachment = "complaint_attachment";
    public const string Photo = "photo";
    public const string Export = "export";
    public const string Import = "import";
    /// <summary>
    /// Attached to a message: read by its uploader, and by the conversation's other side only through a signed link
    /// that the messaging service hands out after checking that they may read the conversation.
    /// </summary>
    public const string MessageAttachment = "message_attachment";
    /// <summary>Meant for anyone (the barangay seal, an announcement's picture).</summary>
    public const string Public = "public";
    /// <summary>
    /// An official's signature image: read back only by its uploader; the certificate printer reads it for the
    /// documents that official approved (CertificateImages), never through a download link.
    /// </summary>
    public const string Signature = "signature";

    public static readonly IReadOnlyList<string> All = [IdDocument, ComplaintAttachment, Photo, Export, Import, MessageAttachment, Public, Signature];

    /// <summary>Downloads of these always write an audit row (Data Privacy Act: sensitive personal information; an export can hold the whole register).</summary>
    public static bool IsSensitive(string sensitivity) => sensitivity is IdDocument or ComplaintAttachment or Export or MessageAttachment;

    /// <summary>
    /// The permissions that let someone other than the uploader or owner read a file. Exports are the requester's
    /// alone: they can hold the whole registry. A complaint attachment has none: it is read by its complaint's rule
    /// (<see cref="FileReadRule"/>), never by a permission alone, since a confidential complaint is closed to most who handle complaints.
    /// </summary>
    public static IReadOnlyList<string> ReadersOf(string sensitivity) => sensitivity switch
    {
        IdDocument => [Permissions.Registrations.Review, Permissions.Residents.Edit],
        Photo => [Permissions.Residents.View],
        Import => [Permissions.Imports.Run],
        _ => [],
    };

    /// <summary>
    /// Whether a signed link may deliver the file. Links are for things meant to be passed on (a photo on a public
    /// page, a message attachment for the other side); an export or an import's file can hold the whole register and
    /// is served only to a signed-in session allowed by <see cref="CanRead"/>.
    /// </summary>
    public static bool TravelsByLink(string sensitivity) => sensitivity is not (Export or Import);

    /// <summary>
    /// The part of the read rule that needs no owning record (uploader, owner, permission). Features outside
    /// <see cref="FileReadRule"/> may use it only to accept their caller's own uploads; downloads go through FileReadRule.
    /// </summary>
    public static bool CanRead(Caller caller, Guid? uploadedBy, FileMetadata metadata)
    {
        if (!All.Contains(metadata.Sensitivity)) return false;
        if (metadata.Sensitivity == Public) return true;
        if (caller.UserId is { } me && (me == uploadedBy || me == metadata.OwnerUserId)) return true;
        return ReadersOf(metadata.Sensitivity).Any(caller.Can);
    }
}
