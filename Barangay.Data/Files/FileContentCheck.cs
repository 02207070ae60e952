using System.IO.Compression;
using System.Text;

namespace Barangay.Data.Files;

/// <summary>The outcome of <see cref="FileContentCheck.Check"/>: the kind the content really is, or why it is refused.</summary>
public sealed record FileCheckResult(FileKindInfo? Kind, string? Refusal)
{
    public bool Accepted => Kind is not null;
}

/// <summary>
/// Decides what a file is by its first bytes (and, for XLSX and CSV, by its structure), never by its name alone:
/// the name's extension says what the user claims, the content has to agree.
/// </summary>
public static class FileContentCheck
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] ElfMagic = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FileCheckResult Check(string fileName, ReadOnlySpan<byte> content, FileKinds allowed)
    {
        var claimed = FileKindInfo.ClaimedBy(fileName);
        if (claimed is null || !allowed.HasFlag(claimed.Kind))
        {
            var ext = Path.GetExtension(fileName);
            // In the reader's language (the circuit's culture; jobs and tests read English).
            var what = string.IsNullOrEmpty(ext) ? Localization.Texts.Say("This file's name has no extension") : Localization.Texts.Say("This file's name ends in {0}", ext);
            return new(null, Localization.Texts.Say("Only {0} files can be uploaded here. {1}.", FileKindInfo.List(allowed), what));
        }
        if (content.IsEmpty) return new(null, Localization.Texts.Say("This file is empty."));
        return Is(claimed.Kind, content)
            ? new(claimed, null)
            : new(null, Localization.Texts.Say("This file is not {0}: its content looks like {1}.", claimed.Named, Localization.Texts.Say(Describe(content))));
    }

    public static bool Is(FileKinds kind, ReadOnlySpan<byte> content) => kind switch
    {
        FileKinds.Pdf => content.StartsWith(PdfMagic),
        FileKinds.Png => content.StartsWith(PngMagic),
        FileKinds.Jpeg => content.StartsWith(JpegMagic),
        FileKinds.Xlsx => ZipKind(content) == ZipContent.Workbook,
        FileKinds.Csv => IsText(content),
        _ => false,
    };

    /// <summary>What the content looks like, in words a user understands.</summary>
    public static string Describe(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return "nothing (it is empty)";
        if (content.StartsWith("MZ"u8)) return "a Windows program";
        if (content.StartsWith(ElfMagic)) return "a Linux program";
        if (content.StartsWith(PdfMagic)) return "a PDF";
        if (content.StartsWith(PngMagic)) return "a PNG image";
        if (content.StartsWith(JpegMagic)) return "a JPEG image";
        if (content.StartsWith("GIF8"u8)) return "a GIF image";
        if (content.StartsWith(ZipMagic))
        {
            return ZipKind(content) switch
            {
                ZipContent.Workbook => "an Excel workbook (XLSX)",
                ZipContent.WordDocument => "a Word document",
                _ => "a ZIP archive",
            };
        }
        if (content.StartsWith(OleMagic)) return "an old Office document (DOC or XLS)";
        if (content.StartsWith("#!"u8)) return "a script";
        if (IsText(content))
        {
            var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            return head.StartsWith('<') ? "a web page or other markup" : "plain text";
        }
        return "data of an unknown kind";
    }

    /// <summary>UTF-8 (an optional BOM), no NUL or other control characters but tab and line breaks.</summary>
    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Utf8Bom)) content = content[Utf8Bom.Length..];
        if (content.IsEmpty) return false;
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return false;
        }
        return true;
    }

    private enum ZipContent { NotZip, Other, Workbook, WordDocument }

    private static ZipContent ZipKind(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith(ZipMagic)) return ZipContent.NotZip;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal)) return ZipContent.Other;
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return ZipContent.Workbook;
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return ZipContent.WordDocument;
            return ZipContent.Other;
        }
        catch (InvalidDataException)
        {
            return ZipContent.Other;
        }
    }
}
