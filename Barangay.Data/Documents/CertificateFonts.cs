using PdfSharp.Fonts;

namespace Barangay.Data.Documents;

/// <summary>
/// PDFsharp's font resolver: DejaVu Serif, embedded in this assembly, for every family asked for. Nothing depends on
/// the machine's fonts, so a fresh server, a container or a test runner renders the same certificate.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Serif";
    private const string Regular = "DejaVuSerif";
    private const string Bold = "DejaVuSerif-Bold";
    private static readonly CertificateFonts Instance = new();
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Faces = [];

    /// <summary>Installs the resolver once per process (PDFsharp wants the same instance every time).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (Faces.TryGetValue(faceName, out var bytes)) return bytes;
            using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Barangay.Fonts.{faceName}.ttf")
                               ?? throw new InvalidOperationException($"The font {faceName}.ttf is not embedded in Barangay.Data.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Faces[faceName] = copy.ToArray();
        }
    }
}
