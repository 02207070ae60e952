namespace Barangay.Data.Files;

/// <summary>The kinds of file an upload may accept; a feature names the ones it takes.</summary>
[Flags]
public enum FileKinds
{
    None = 0,
    Pdf = 1,
    Jpeg = 2,
    Png = 4,
    Xlsx = 8,
    Csv = 16,
    Images = Jpeg | Png,
    Documents = Pdf | Jpeg | Png,
    Spreadsheets = Xlsx | Csv,
}

/// <summary>How each kind is named to a user, which extensions claim it and the content type it is served with.</summary>
public sealed record FileKindInfo(FileKinds Kind, string Name, string ShortName, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly IReadOnlyList<FileKindInfo> All =
    [
        new(FileKinds.Pdf, "a PDF", "PDF", "application/pdf", [".pdf"]),
        new(FileKinds.Jpeg, "a JPEG image", "JPEG", "image/jpeg", [".jpg", ".jpeg"]),
        new(FileKinds.Png, "a PNG image", "PNG", "image/png", [".png"]),
        new(FileKinds.Xlsx, "an Excel workbook (XLSX)", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]),
        new(FileKinds.Csv, "a CSV file", "CSV", "text/csv; charset=utf-8", [".csv"]),
    ];

    public static FileKindInfo Of(FileKinds kind) => All.Single(k => k.Kind == kind);

    /// <summary>The kind a file name claims by its extension, if any.</summary>
    public static FileKindInfo? ClaimedBy(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return All.FirstOrDefault(k => k.Extensions.Contains(ext, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>"PDF, JPEG or PNG" ("PDF, JPEG o PNG" on a Filipino page: the reader's language, as <see cref="Localization.Texts.Say"/>).</summary>
    public static string List(FileKinds kinds)
    {
        var names = All.Where(k => kinds.HasFlag(k.Kind)).Select(k => k.ShortName).ToList();
        return names.Count <= 1 ? string.Concat(names) : Localization.Texts.Say("{0} or {1}", string.Join(", ", names[..^1]), names[^1]);
    }

    /// <summary>"a PDF", "a JPEG image" in the reader's language ("PDF", "JPEG na larawan"), for a refusal.</summary>
    public string Named => Localization.Texts.Say(Name);

    /// <summary>The <c>accept</c> attribute for a file input.</summary>
    public static string Accept(FileKinds kinds) =>
        string.Join(",", All.Where(k => kinds.HasFlag(k.Kind)).SelectMany(k => k.Extensions));
}
