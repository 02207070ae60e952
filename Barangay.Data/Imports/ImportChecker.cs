using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

/// <summary>A household row ready to write: its head (an existing resident), purok and address.</summary>
public sealed record HouseholdDraft(Guid HeadId, string Purok, string? Address);

/// <summary>One row's outcome: what to write (a <see cref="ResidentEdit"/> or a <see cref="HouseholdDraft"/>) or its problems.</summary>
public sealed record CheckedRow(int Row, object? Item, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Checks an import's rows against the rules and against the records as they are now: every row of a file, in order,
/// remembering who it has seen so that a person twice in the file is named at the second row.
/// </summary>
public sealed class ImportChecker
{
    /// <summary>At most this many problems are kept for the preview (the counts are always exact).</summary>
    public const int MaxErrorsKept = 10_000;

    private readonly string _target;
    private readonly ImportMapping _mapping;
    private readonly ResidentImportRows? _residents;
    private readonly PurokNames _puroks;
    private readonly Dictionary<string, string> _existing;           // identity → resident ID (residents); head RES id → household ID (households)
    private readonly Dictionary<string, (Guid Id, string Purok, string? Address)> _heads; // RES id → resident (households)
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    private ImportChecker(string target, ImportMapping mapping, PurokNames puroks, DateOnly today, Dictionary<string, string> existing,
        Dictionary<string, (Guid, string, string?)> heads)
    {
        _target = target;
        _mapping = mapping;
        _puroks = puroks;
        _existing = existing;
        _heads = heads;
        if (target == ImportTargets.Residents) _residents = new ResidentImportRows(mapping, puroks, today);
    }

    public static async Task<ImportChecker> CreateAsync(BarangayDbContext db, string target, ImportMapping mapping, DateOnly today, CancellationToken ct)
    {
        var puroks = new PurokNames((await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && !l.Retired)
            .Select(l => new { l.Code, l.Label }).ToListAsync(ct)).Select(l => (l.Code, l.Label)));
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        var heads = new Dictionary<string, (Guid, string, string?)>(StringComparer.OrdinalIgnoreCase);
        if (target == ImportTargets.Residents)
        {
            await foreach (var r in db.Residents.AsNoTracking().Select(r => new { r.SearchFirst, r.SearchLast, r.Dob, r.ResidentId }).AsAsyncEnumerable().WithCancellation(ct))
                existing.TryAdd($"{r.SearchFirst}|{r.SearchLast}|{r.Dob.DayNumber}", r.ResidentId);
        }
        else
        {
            var members = await (from m in db.HouseholdMembers
                                 join r in db.Residents on m.ResidentId equals r.Id
                                 join h in db.Households on m.HouseholdId equals h.Id
                                 select new { r.ResidentId, h.HouseholdId }).AsNoTracking().ToListAsync(ct);
            foreach (var m in members) existing.TryAdd(m.ResidentId.ToUpperInvariant(), m.HouseholdId);
        }
        return new ImportChecker(target, mapping, puroks, today, existing, heads) { _db = db };
    }

    private BarangayDbContext? _db;

    /// <summary>Loads the residents a household file names as heads (one query per file, not per row).</summary>
    public async Task LoadHeadsAsync(IEnumerable<string[]> rows, CancellationToken ct)
    {
        if (_target != ImportTargets.Households || _db is null || !_mapping.Columns.TryGetValue(ImportFields.HeadResidentId, out var col)) return;
        var ids = rows.Where(r => col < r.Length).Select(r => r[col].Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        foreach (var chunk in ids.Chunk(5_000))
        {
            var found = await _db.Residents.AsNoTracking().Where(r => chunk.Contains(r.ResidentId))
                .Select(r => new { r.ResidentId, r.Id, r.Purok, r.Address }).ToListAsync(ct);
            foreach (var r in found) _heads[r.ResidentId] = (r.Id, r.Purok, r.Address);
        }
    }

    public CheckedRow Check(int row, string[] cells)
    {
        if (_target == ImportTargets.Households) return CheckHousehold(row, cells);
        var (edit, errors) = _residents!.Read(row, cells);
        if (edit is null) return new(row, null, errors);
        var identity = ResidentImportRows.Identity(edit.FirstName, edit.LastName, edit.Dob!.Value);
        var who = Texts.Say("{0}, {1} born {2}", edit.LastName.Trim(), edit.FirstName.Trim(), edit.Dob!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (_existing.TryGetValue(identity, out var residentId))
            return new(row, null, [new(row, "Name", ImportErrorKinds.DuplicateExisting, Texts.Say("{0} is already in the records as {1}.", who, residentId), who)]);
        if (_seen.TryGetValue(identity, out var first))
            return new(row, null, [new(row, "Name", ImportErrorKinds.DuplicateInFile, Texts.Say("{0} is the same person as row {1}.", who, first), who)]);
        _seen[identity] = row;
        return new(row, edit, []);
    }

    private CheckedRow CheckHousehold(int row, string[] cells)
    {
        string? Get(string key) => _mapping.Columns.TryGetValue(key, out var i) && i >= 0 && i < cells.Length && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
        var errors = new List<ImportRowError>();
        foreach (var (key, index) in _mapping.Columns)
        {
            if (index >= 0 && index < cells.Length && ImportCells.LooksLikeFormula(cells[index]))
                errors.Add(new(row, key, ImportErrorKinds.Formula, Texts.Say("{0} looks like a spreadsheet formula; formulas are never imported.", Texts.Say(ResidentImportRows.LabelOf(key))), ImportCells.Shown(cells[index])));
        }
        if (errors.Count > 0) return new(row, null, errors);
        var headText = Get(ImportFields.HeadResidentId)?.ToUpperInvariant();
        if (headText is null) return new(row, null, [new(row, ImportFields.HeadResidentId, ImportErrorKinds.Missing, Texts.Say("Head's resident ID is required (for example RES-2026-000123)."))]);
        if (!_heads.TryGetValue(headText, out var head))
            return new(row, null, [new(row, ImportFields.HeadResidentId, ImportErrorKinds.Invalid, Texts.Say("No resident has the ID {0}; add the head to the records first.", headText), headText)]);
        if (_existing.TryGetValue(headText, out var household))
            return new(row, null, [new(row, ImportFields.HeadResidentId, ImportErrorKinds.DuplicateExisting, Texts.Say("{0} is already a member of household {1}.", headText, household), headText)]);
        if (_seen.TryGetValue(headText, out var first))
            return new(row, null, [new(row, ImportFields.HeadResidentId, ImportErrorKinds.DuplicateInFile, Texts.Say("{0} already heads the household in row {1}.", headText, first), headText)]);
        var purokText = Get(nameof(ResidentEdit.Purok));
        var purok = purokText is null ? head.Purok : _puroks.CodeOf(purokText);
        if (purok is null)
            return new(row, null, [new(row, nameof(ResidentEdit.Purok), ImportErrorKinds.UnknownPurok, Texts.Say("Purok \"{0}\" is not one of the barangay's puroks.", purokText), purokText)]);
        var address = Get(nameof(ResidentEdit.Address)) ?? head.Address;
        if (address is { Length: > ResidentValidator.MaxAddress })
            return new(row, null, [new(row, nameof(ResidentEdit.Address), ImportErrorKinds.Invalid, Texts.Say("Address is longer than {0} characters.", ResidentValidator.MaxAddress))]);
        _seen[headText] = row;
        return new(row, new HouseholdDraft(head.Id, purok, address), []);
    }

    /// <summary>Checks every row: the preview's counts and problems.</summary>
    public ImportPreview Preview(IEnumerable<string[]> rows, Action<CheckedRow>? each = null)
    {
        var errors = new List<ImportRowError>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0, valid = 0;
        foreach (var cells in rows)
        {
            total++;
            var result = Check(total + 1, cells);
            each?.Invoke(result);
            if (result.Errors.Count == 0) { valid++; continue; }
            foreach (var kind in result.Errors.Select(e => e.Kind).Distinct()) counts[kind] = counts.GetValueOrDefault(kind) + 1;
            foreach (var e in result.Errors) if (errors.Count < MaxErrorsKept) errors.Add(e);
        }
        return new ImportPreview(total, valid, counts, errors);
    }

    public static IReadOnlyList<string> MissingRequired(string target, ImportMapping mapping) =>
        ImportFields.Of(target).Where(f => f.Required && !mapping.Columns.ContainsKey(f.Key)).Select(f => f.Label).ToList();
}
