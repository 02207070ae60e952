using System.IO.Compression;
using System.Text;

namespace Barangay.Tests.Data.Files;

/// <summary>Real file headers, as the programs that write these kinds start them.</summary>
public static class SampleFiles
{
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\nCONFIDENTIAL: Barangay clearance of Juan Dela Cruz\n");

    public static byte[] Png { get; } =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    /// <summary>JFIF: SOI, then the APP0 marker.</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>The start of a Windows PE program ("MZ", the DOS stub).</summary>
    public static byte[] WindowsProgram { get; } =
        [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];

    public static byte[] CsvWithBomAndEnye { get; } =
        [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("last_name,first_name,purok\nDela Cruz,Juan,Purok 1\nPeñaflor,Niño,Purok 3\nMUÑOZ,Santiago,Purok 7\n")];

    /// <summary>A workbook as Excel lays it out: [Content_Types].xml and the xl/ parts.</summary>
    public static byte[] Xlsx { get; } = Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("xl/workbook.xml", "<workbook/>"), ("xl/worksheets/sheet1.xml", "<worksheet/>"));

    public static byte[] Docx { get; } = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>"));

    public static byte[] PlainZip { get; } = Zip(("notes.txt", "hello"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        }
        return buffer.ToArray();
    }
}
