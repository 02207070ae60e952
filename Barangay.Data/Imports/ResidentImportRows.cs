using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

/// <summary>The barangay's puroks as an import reads them: by code ("purok-1"), by label ("Purok 1 - Sampaguita"), or by "Purok 1" / "1".</summary>
public sealed class PurokNames
{
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    public PurokNames(IEnumerable<(string Code, string Label)> active)
    {
        foreach (var (code, label) in active)
        {
            ActiveCodes.Add(code);
            _codes.TryAdd(NameSearch.Normalize(code), code);
            _codes.TryAdd(NameSearch.Normalize(label), code);
            // "Purok 1 - Sampaguita" is also "Purok 1", "1" and "Sampaguita".
            var parts = label.Split(" - ", 2, StringSplitOptions.TrimEntries);
            _codes.TryAdd(NameSearch.Normalize(parts[0]), code);
            if (parts.Length == 2) _codes.TryAdd(NameSearch.Normalize(parts[1]), code);
            var number = new string(parts[0].Where(char.IsDigit).ToArray());
            if (number.Length > 0) _codes.TryAdd(number, code);
        }
    }

    public HashSet<string> ActiveCodes { get; } = new(StringComparer.Ordinal);

    public string? CodeOf(string? text)
    {
        var key = NameSearch.Normalize(text);
        return key.Length > 0 && _codes.TryGetValue(key, out var code) ? code : null;
    }
}

/// <summary>
/// Turns a mapped row into the resident form's <see cref="ResidentEdit"/> and checks it with the form's own rules
/// (<see cref="ResidentValidator.Validate"/>): an import accepts exactly what an official could type in. What only a
/// file can get wrong — an unreadable or ambiguous date, a formula, a label instead of a code — is checked here first.
/// </summary>
public sealed class ResidentImportRows(ImportMapping mapping, PurokNames puroks, DateOnly today)
{
    public (ResidentEdit? Edit, List<ImportRowError> Errors) Read(int row, string[] cells)
    {
        var errors = new List<ImportRowError>();
        string? Get(string key) => mapping.Columns.TryGetValue(key, out var i) && i >= 0 && i < cells.Length && cells[i].Length > 0 ? cells[i].Trim() : null;

        foreach (var (key, index) in mapping.Columns)
        {
            if (key == nameof(ResidentEdit.ContactNumber) || index < 0 || index >= cells.Length) continue;
            if (ImportCells.LooksLikeFormula(cells[index]))
                errors.Add(new(row, key, ImportErrorKinds.Formula, Texts.Say("{0} looks like a spreadsheet formula; formulas are never imported.", Texts.Say(LabelOf(key))), ImportCells.Shown(cells[index])));
        }
        if (errors.Count > 0) return (null, errors);

        var date = ImportDates.Parse(Get(nameof(ResidentEdit.Dob)), mapping.DateOrder);
        if (date.Problem is not null) errors.Add(new(row, nameof(ResidentEdit.Dob), date.Kind!, date.Problem, Get(nameof(ResidentEdit.Dob))));

        var purokText = Get(nameof(ResidentEdit.Purok));
        var purok = puroks.CodeOf(purokText);
        if (purokText is not null && purok is null)
            errors.Add(new(row, nameof(ResidentEdit.Purok), ImportErrorKinds.UnknownPurok, Texts.Say("Purok \"{0}\" is not one of the barangay's puroks.", purokText), purokText));

        var sexText = Get(nameof(ResidentEdit.Sex));
        var sex = SexOf(sexText);
        if (sexText is not null && sex is null) errors.Add(new(row, nameof(ResidentEdit.Sex), ImportErrorKinds.Invalid, Texts.Say("Sex \"{0}\" must be Male or Female (or M, F, Lalaki, Babae).", sexText), sexText));
        var civilText = Get(nameof(ResidentEdit.MaritalStatus));
        var civil = CivilStatusOf(civilText);
        if (civilText is not null && civil is null)
            errors.Add(new(row, nameof(ResidentEdit.MaritalStatus), ImportErrorKinds.Invalid, Texts.Say("Civil status \"{0}\" is not one of {1}.", civilText, string.Join(", ", ResidentLists.MaritalStatuses.Select(s => Texts.Say(s)))), civilText));

        var edit = new ResidentEdit
        {
            LastName = Get(nameof(ResidentEdit.LastName)) ?? "", FirstName = Get(nameof(ResidentEdit.FirstName)) ?? "",
            MiddleName = Get(nameof(ResidentEdit.MiddleName)), NameExtension = Get(nameof(ResidentEdit.NameExtension)), Dob = date.Value,
            Sex = sex, MaritalStatus = civil, Purok = purok ?? "", Address = Get(nameof(ResidentEdit.Address)),
            ContactNumber = Get(nameof(ResidentEdit.ContactNumber)), Email = Get(nameof(ResidentEdit.Email)), Occupation = Get(nameof(ResidentEdit.Occupation)),
            PlaceOfBirth = Get(nameof(ResidentEdit.PlaceOfBirth)), Citizenship = Get(nameof(ResidentEdit.Citizenship)) ?? "Filipino",
            AgeReason = Get(nameof(ResidentEdit.AgeReason)) ?? mapping.AgeReason,
        };
        foreach (var (field, message) in ResidentValidator.Validate(edit, today, puroks.ActiveCodes))
        {
            // Already named more precisely above.
            if (field == nameof(ResidentEdit.Dob) && date.Problem is not null) continue;
            if (field == nameof(ResidentEdit.Purok) && purokText is not null) continue;
            // The form's own (English) rule, worded in the reader's language through the catalogue the form uses too.
            errors.Add(new(row, field, KindOf(field, message), Texts.Say(message), ValueOf(field, edit)));
        }
        return (errors.Count == 0 ? edit : null, errors);
    }

    /// <summary>The row the form would save for <paramref name="edit"/> (the resident service's own mapping), with its search columns.</summary>
    public static Resident ToResident(ResidentEdit edit, string residentId)
    {
        var r = new Resident { Id = Guid.NewGuid(), RegistrationStatus = ResidentStatuses.Active, Version = Guid.NewGuid(), ResidentId = residentId };
        ResidentService.Apply(edit, r);
        NameSearch.Apply(r);
        return r;
    }

    /// <summary>Who a row is, for duplicates: the normalized names (as search stores them) and the birth date.</summary>
    public static string Identity(string first, string last, DateOnly dob) =>
        $"{NameSearch.Normalize(first)}|{NameSearch.Normalize(last)}|{dob.DayNumber}";

    private static string KindOf(string field, string message) => field switch
    {
        nameof(ResidentEdit.AgeReason) => ImportErrorKinds.AgeRule,
        nameof(ResidentEdit.Dob) when message.Contains("required", StringComparison.Ordinal) => ImportErrorKinds.Missing,
        nameof(ResidentEdit.Dob) => ImportErrorKinds.ImpossibleDate,
        nameof(ResidentEdit.Purok) when message.Contains("required", StringComparison.Ordinal) => ImportErrorKinds.Missing,
        nameof(ResidentEdit.Purok) => ImportErrorKinds.UnknownPurok,
        _ when message.Contains("is required", StringComparison.Ordinal) => ImportErrorKinds.Missing,
        _ => ImportErrorKinds.Invalid,
    };

    private static string? ValueOf(string field, ResidentEdit e) => field switch
    {
        nameof(ResidentEdit.FirstName) => e.FirstName,
        nameof(ResidentEdit.LastName) => e.LastName,
        nameof(ResidentEdit.MiddleName) => e.MiddleName,
        nameof(ResidentEdit.Dob) or nameof(ResidentEdit.AgeReason) => e.Dob?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        nameof(ResidentEdit.ContactNumber) => e.ContactNumber,
        nameof(ResidentEdit.Email) => e.Email,
        nameof(ResidentEdit.Address) => e.Address,
        _ => null,
    };

    public static string LabelOf(string key) => ImportFields.Residents.Concat(ImportFields.Households).FirstOrDefault(f => f.Key == key)?.Label ?? key;

    private static string? SexOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "m" or "male" or "lalaki" or "l" => "Male",
        "f" or "female" or "babae" or "b" => "Female",
        _ => null,
    };

    private static string? CivilStatusOf(string? text)
    {
        if (text is null) return null;
        var key = NameSearch.Normalize(text);
        var listed = ResidentLists.MaritalStatuses.FirstOrDefault(s => NameSearch.Normalize(s) == key);
        if (listed is not null) return listed;
        return key switch
        {
            "walangasawa" or "binata" or "dalaga" => "Single",
            "mayasawa" or "kasal" => "Married",
            "balo" or "biyuda" or "biyudo" or "widow" or "widower" => "Widowed",
            "hiwalay" => "Separated",
            "livein" or "kinakasama" => "Live-in",
            _ => null,
        };
    }
}

/// <summary>What a cell is when it is shown or written back.</summary>
public static class ImportCells
{
    /// <summary>Text a spreadsheet would run: "=…", "@…", or "+"/"-" before something that is not a number.</summary>
    public static bool LooksLikeFormula(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return false;
        var c = cell.TrimStart();
        if (c.Length == 0) return false;
        if (c[0] is '=' or '@') return true;
        return c[0] is '+' or '-' && c.Length > 1 && !char.IsDigit(c[1]) && c[1] != ' ';
    }

    /// <summary>A cell's value for a message or report: at most 60 characters, a formula prefixed so it stays text.</summary>
    public static string Shown(string cell)
    {
        var s = cell.Length > 60 ? cell[..60] + "…" : cell;
        return LooksLikeFormula(s) ? "'" + s : s;
    }
}
