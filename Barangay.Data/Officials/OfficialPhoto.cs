namespace Barangay.Data.Officials;

/// <summary><c>officials.photo_url</c> holds the download path of a stored file, <c>/files/{id}</c>; this reads the id back.</summary>
public static class OfficialPhoto
{
    private const string Prefix = "/files/";

    public static string UrlOf(Guid fileId) => Prefix + fileId.ToString("D");

    public static Guid? FileIdOf(string? photoUrl) =>
        photoUrl is not null && photoUrl.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(photoUrl.AsSpan(Prefix.Length), out var id) ? id : null;
}
