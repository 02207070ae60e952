using System.Text.Json;
using Barangay.Data.Settings;

namespace Barangay.Data.Documents;

/// <summary>
/// A document residents may request, read from its <c>document_type</c> lookup value. The meta holds the category
/// (clearance, certificate, permit), fee, processing class (RA 11032 §9(b)(1): simple 3 working days, complex 7,
/// highly technical 20), validity,
/// the fields the request asks for besides the purpose, the requirements shown to the resident and the certificate's
/// wording. Missing members fall back to sensible defaults, so a type an admin adds with only a fee still works.
/// </summary>
public sealed record DocumentType(
    string Code,
    string Label,
    string Category,
    decimal Fee,
    string ProcessingClass,
    int ValidityDays,
    IReadOnlyList<DocumentField> Fields,
    IReadOnlyList<string> Requirements,
    string Template,
    bool OncePerPerson,
    int MinResidenceMonths,
    bool NeedsOath,
    string? WaiverReason,
    bool NeedsCtc = false)
{
    public const string Simple = "simple";
    public const string Complex = "complex";
    public const string HighlyTechnical = "highly_technical";
    public const int SimpleDays = 3;
    public const int ComplexDays = 7;
    public const int HighlyTechnicalDays = 20;

    public static readonly IReadOnlyList<string> Classes = [Simple, Complex, HighlyTechnical];

    /// <summary>
    /// Working days the hall has, RA 11032 §9(b)(1) (the three classes of §4(b), (d) and (h)): 3 for a simple
    /// transaction, 7 for a complex one, 20 for a highly technical one.
    /// </summary>
    public int WorkingDays => DaysOf(ProcessingClass);

    public static int DaysOf(string processingClass) => processingClass switch
    {
        Complex => ComplexDays,
        HighlyTechnical => HighlyTechnicalDays,
        _ => SimpleDays,
    };

    /// <summary>"Simple", "Complex", "Highly technical": the words the Citizen's Charter and the forms use.</summary>
    public static string ClassLabel(string processingClass) => processingClass switch
    {
        Complex => "Complex",
        HighlyTechnical => "Highly technical",
        _ => "Simple",
    };

    /// <summary>
    /// Whether an overdue request of this type falls under automatic approval (RA 11032 §10). An admin opts a type out
    /// with <c>"automatic_approval": false</c> in its meta: the law excepts activities that endanger public health,
    /// safety, morals or policy.
    /// </summary>
    public bool AutomaticApproval { get; init; } = true;

    public bool IsFree => Fee <= 0;

    /// <summary>The Filipino wording (<c>template_fil</c>), printed for a holder who reads the app in Filipino; null when the type has none.</summary>
    public string? TemplateFil { get; init; }

    /// <summary>The language a certificate is worded in for a reader of <paramref name="language"/>: Filipino when asked for and written, English otherwise.</summary>
    public string LanguageFor(string? language) =>
        language == Localization.AppLanguages.Filipino && !string.IsNullOrWhiteSpace(TemplateFil) ? Localization.AppLanguages.Filipino : Localization.AppLanguages.English;

    /// <summary>
    /// An ID-like document (<c>"id_photo": true</c> in the meta, the demo's Barangay Clearance): the certificate prints the
    /// holder's photo from their record in a 1×1 box, or, with none on record, an empty box to paste one in and sign
    /// across, as the paper forms have (issue 22, item 2).
    /// </summary>
    public bool IdPhoto { get; init; }

    /// <summary>The wording in <paramref name="language"/> (see <see cref="LanguageFor"/>).</summary>
    public string TemplateFor(string? language) => LanguageFor(language) == Localization.AppLanguages.Filipino ? TemplateFil! : Template;

    public const string DefaultTemplate =
        "This is to certify that {name}, {age} years old, {civil_status}, is a bona fide resident of {address}, {barangay}, {locality}. "
        + "This certification is issued upon the request of the above-named person for {purpose}.";

    public static DocumentType From(LookupItem item) => Parse(item.Code, item.Label, item.Meta);

    public static DocumentType Parse(string code, string label, string? meta)
    {
        JsonElement root = default;
        JsonDocument? doc = null;
        try
        {
            doc = string.IsNullOrWhiteSpace(meta) ? null : JsonDocument.Parse(meta);
            if (doc is not null && doc.RootElement.ValueKind == JsonValueKind.Object) root = doc.RootElement;
        }
        catch (JsonException)
        {
            doc = null;
        }
        using var _ = doc;
        string? Str(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int Int(string name, int d) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : d;
        decimal Fee() => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fee", out var v) && v.TryGetDecimal(out var d) ? d : 0;
        bool Bool(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

        var fields = new List<DocumentField>();
        var requirements = new List<string>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in f.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("key", out var k) || k.ValueKind != JsonValueKind.String) continue;
                    var key = k.GetString()!;
                    fields.Add(new DocumentField(
                        key,
                        e.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : key,
                        !e.TryGetProperty("required", out var r) || r.ValueKind != JsonValueKind.False,
                        e.TryGetProperty("kind", out var kd) && kd.ValueKind == JsonValueKind.String ? kd.GetString()! : DocumentField.Text));
                }
            }
            if (root.TryGetProperty("requirements", out var req) && req.ValueKind == JsonValueKind.Array)
                requirements.AddRange(req.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
        }
        var category = Str("category") ?? "certificate";
        var cls = Str("class") is { } c && Classes.Contains(c) ? c : Simple;
        var auto = !(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("automatic_approval", out var aa) && aa.ValueKind == JsonValueKind.False);
        return new DocumentType(
            code, label, category, Fee(), cls,
            Int("validity_days", 180), fields, requirements, Str("template") ?? DefaultTemplate,
            Bool("once_per_person"), Int("min_residence_months", 0), Bool("needs_oath"), Str("waiver_reason"), Bool("needs_ctc"))
        {
            AutomaticApproval = auto,
            TemplateFil = Str("template_fil"),
            IdPhoto = Bool("id_photo"),
        };
    }
}

/// <summary>A field a request asks for besides the purpose (a business clearance's business name, say).</summary>
public sealed record DocumentField(string Key, string Label, bool Required, string Kind)
{
    public const string Text = "text";
    public const string Date = "date";
    public const int MaxLength = 200;
}
