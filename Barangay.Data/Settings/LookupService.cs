using Barangay.Data.Localization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Settings;

/// <summary>
/// Lookup values: features read the active values of a category; admins add, edit, retire and delete them.
/// A value that records use is never deleted, only retired (it stays on old records but is no longer offered).
/// Every change is audited by the interceptor in the same SaveChanges.
/// </summary>
public sealed partial class LookupService(BarangayDb dbs, IDbContextFactory<BarangayDbContext> factory)
{
    /// <summary>The active values of a category in the hall's order. Public: selects on every form use it.</summary>
    public async Task<IReadOnlyList<LookupItem>> ActiveAsync(string category, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.LookupValues.AsNoTracking()
            .Where(l => l.Category == category && !l.Retired)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label)
            .Select(l => new LookupItem(l.Code, l.Label, l.Meta))
            .ToListAsync(ct);
    }

    /// <summary>Every purok's label by its code, retired ones too (old records keep theirs); public, as puroks are on every list.</summary>
    public async Task<PurokLabels> PurokLabelsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await PurokLabels.LoadAsync(db, ct);
    }

    /// <summary>Every value of a category, retired ones too, with their use counts; empty for non-admins.</summary>
    public async Task<IReadOnlyList<LookupRow>> ListAsync(string category, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage) || LookupCatalog.Find(category) is null) return [];
        var values = await db.LookupValues.AsNoTracking().Where(l => l.Category == category)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Label).ToListAsync(ct);
        var used = await LookupUsage.CountAsync(db, category, values, ct);
        return values.Select(v => new LookupRow(v.Id, v.Category, v.Code, v.Label, v.Meta, v.Retired, v.SortOrder, used[v.Id])).ToList();
    }

    public async Task<EditResult> CreateAsync(string category, LookupEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return NotAllowed;
        if (LookupCatalog.Find(category) is not { } cat) return EditResult.Refused($"\"{category}\" is not a lookup category.");
        var code = edit.Code.Trim().ToLowerInvariant();
        var errors = Validate(edit, category);
        if (code.Length == 0) errors[nameof(edit.Code)] = Texts.Say("Code is required (lowercase letters, digits and hyphens, e.g. purok-8).");
        else if (!CodePattern().IsMatch(code)) errors[nameof(edit.Code)] = Texts.Say("Code \"{0}\" may only hold lowercase letters, digits and hyphens, starting with a letter or digit (at most 50).", code);
        else if (await db.LookupValues.AsNoTracking().FirstOrDefaultAsync(l => l.Category == category && l.Code == code, ct) is { } same)
            errors[nameof(edit.Code)] = Duplicate(code, cat, same);
        await ParentErrorAsync(db, category, edit.Meta, errors, ct);
        if (errors.Count > 0) return EditResult.Invalid(errors);

        db.LookupValues.Add(new LookupValue
        {
            Id = Guid.NewGuid(), Category = category, Code = code, Label = edit.Label.Trim(), SortOrder = edit.SortOrder, Meta = NormalizeMeta(edit.Meta),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another admin added the same code a moment ago.
            return EditResult.Invalid(nameof(edit.Code), Texts.Say("The code \"{0}\" is already used in {1}.", code, Texts.Say(cat.Title)));
        }
        return EditResult.Saved;
    }

    /// <summary>Changes the label, order and meta (the code stays: records hold it).</summary>
    public async Task<EditResult> UpdateAsync(Guid id, LookupEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return NotAllowed;
        var v = await db.LookupValues.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (v is null) return Gone;
        var errors = Validate(edit, v.Category);
        await ParentErrorAsync(db, v.Category, edit.Meta, errors, ct);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        v.Label = edit.Label.Trim();
        v.SortOrder = edit.SortOrder;
        var meta = NormalizeMeta(edit.Meta);
        if (!SettingJson.SameValue(v.Meta, meta)) v.Meta = meta;
        await db.SaveChangesAsync(ct);
        return EditResult.Saved;
    }

    /// <summary>Retires a value (no longer offered, still shown on old records) or brings it back.</summary>
    public async Task<EditResult> SetRetiredAsync(Guid id, bool retired, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return NotAllowed;
        var v = await db.LookupValues.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (v is null) return Gone;
        v.Retired = retired;
        await db.SaveChangesAsync(ct);
        return EditResult.Saved;
    }

    /// <summary>Deletes a value no record uses; a value in use is refused with what uses it.</summary>
    public async Task<EditResult> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return NotAllowed;
        var v = await db.LookupValues.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (v is null) return Gone;
        var uses = await LookupUsage.UsesAsync(db, v, ct);
        if (uses.Count > 0)
            return EditResult.Refused(Texts.Say("\"{0}\" cannot be deleted: {1} use it. Retire it instead: it stays on those records but is no longer offered.", v.Label, LookupUsage.Describe(uses)));
        db.LookupValues.Remove(v);
        await db.SaveChangesAsync(ct);
        return EditResult.Saved;
    }

    // Properties, not fields: each refusal is built in the reader's language when it is given.
    private static EditResult NotAllowed => EditResult.Refused(Texts.Say("Only an administrator can change lookup values."));
    private static EditResult Gone => EditResult.Refused(Texts.Say("This value no longer exists; another admin may have deleted it. Reload the list."));

    private static Dictionary<string, string> Validate(LookupEdit edit, string category)
    {
        var errors = new Dictionary<string, string>();
        var label = edit.Label.Trim();
        if (label.Length == 0) errors[nameof(edit.Label)] = Texts.Say("Label is required: it is what people see in lists.");
        else if (label.Length > 120) errors[nameof(edit.Label)] = Texts.Say("Label is longer than 120 characters.");
        if (edit.SortOrder is < 0 or > 9999) errors[nameof(edit.SortOrder)] = Texts.Say("Order must be between 0 and 9999.");
        if (!string.IsNullOrWhiteSpace(edit.Meta))
        {
            try
            {
                using var doc = JsonDocument.Parse(edit.Meta);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    errors[nameof(edit.Meta)] = Texts.Say("Meta must be a JSON object, like {\"fee\": 50}.");
                else if (category == LookupCategories.DocumentType && doc.RootElement.TryGetProperty("fee", out var fee)
                    && (!fee.TryGetDecimal(out var f) || f < 0))
                    errors[nameof(edit.Meta)] = Texts.Say("Meta: the fee must be a number of pesos, 0 or more.");
                else if (category == LookupCategories.DocumentType && Documents.CertificateTemplate.Refusal(doc.RootElement) is { } template)
                    errors[nameof(edit.Meta)] = template;
            }
            catch (JsonException)
            {
                errors[nameof(edit.Meta)] = Texts.Say("Meta is not valid JSON. Write an object like {\"fee\": 50}, or leave it empty.");
            }
        }
        return errors;
    }

    /// <summary>A subcategory must name an existing complaint category as its parent.</summary>
    private static async Task ParentErrorAsync(BarangayDbContext db, string category, string? meta, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (category != LookupCategories.ComplaintSubcategory || errors.ContainsKey(nameof(LookupEdit.Meta))) return;
        var parent = LookupUsage.ParentOf(meta);
        if (parent is null || !await db.LookupValues.AnyAsync(l => l.Category == LookupCategories.ComplaintCategory && l.Code == parent, ct))
            errors[nameof(LookupEdit.Meta)] = parent is null
                ? Texts.Say("Parent category is required: choose the complaint category this subcategory belongs to.")
                : Texts.Say("Parent category \"{0}\" is not a complaint category.", parent);
    }

    private static string Duplicate(string code, LookupCategory cat, LookupValue same) =>
        same.Retired
            ? Texts.Say("The code \"{0}\" is already used in {1} by \"{2}\" (retired; bring it back instead). Codes must be unique within a category.", code, Texts.Say(cat.Title), same.Label)
            : Texts.Say("The code \"{0}\" is already used in {1} by \"{2}\". Codes must be unique within a category.", code, Texts.Say(cat.Title), same.Label);

    private static string? NormalizeMeta(string? meta)
    {
        if (string.IsNullOrWhiteSpace(meta)) return null;
        using var doc = JsonDocument.Parse(meta);
        return doc.RootElement.GetRawText();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex CodePattern();
}
