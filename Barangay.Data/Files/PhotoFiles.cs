using Barangay.Data.Localization;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Files;

/// <summary>
/// A record's photo (an official's, a resident's): the record keeps <c>/files/{id}</c> in its <c>photo_url</c>, and only a
/// JPEG or PNG uploaded as that kind of record's photo may be set — never, say, a resident's ID document.
/// </summary>
public static class PhotoFiles
{
    private const string Prefix = "/files/";

    public static string UrlOf(Guid fileId) => Prefix + fileId.ToString("D");

    public static Guid? FileIdOf(string? photoUrl) =>
        photoUrl is not null && photoUrl.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(photoUrl.AsSpan(Prefix.Length), out var id) ? id : null;

    /// <summary>Null when <paramref name="fileId"/> may be the photo of a <paramref name="targetType"/>; otherwise what is wrong, in words.</summary>
    public static async Task<string?> RefusalAsync(BarangayDbContext db, Guid fileId, string targetType, string whosePhoto, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().Where(x => x.Id == fileId).Select(x => new { x.ContentType, x.Metadata }).FirstOrDefaultAsync(ct);
        if (file is null) return Texts.Say("Photo: that file was not found; upload the picture again.");
        if (file.ContentType is not ("image/jpeg" or "image/png")) return Texts.Say("Photo must be a JPEG or PNG image.");
        var meta = FileMetadata.FromJson(file.Metadata);
        return meta.Sensitivity != FileSensitivity.Photo || meta.TargetType != targetType
            ? Texts.Say("Photo must be a picture uploaded here as {0} photo.", Texts.Say(whosePhoto))
            : null;
    }
}
