using System.Linq.Expressions;
using Barangay.Data.Audit;
using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Barangay.Data.Security;

/// <summary>
/// The one list of columns kept encrypted at rest (<see cref="ColumnCipher"/>), so that a database dump, a backup or a
/// read-only account shows none of them. Free text that tells someone's story or identifies them: complaint narratives
/// and the hall's resolution notes (VAWC complaints above all; every complaint's narrative is encrypted, since a column
/// converter cannot tell a confidential row apart), and the minutes, terms and repudiation reasons of KP proceedings.
/// What the hall searches, sorts or counts stays plain: complaint ids, subjects, categories, status, puroks, dates and
/// names. The national ID is never stored whole (<see cref="Common.IdNumbers"/>): its masked last four stay plain,
/// since the register export reads them in SQL.
/// </summary>
public static class EncryptedColumns
{
    /// <summary>
    /// Set on each encrypted property: <see cref="WholeValue"/> (the audit trail records only that it changed) or
    /// <see cref="Members"/> (a JSON column whose listed members are encrypted; the audit records the stored JSON).
    /// </summary>
    public const string Annotation = "Barangay:Encrypted";

    public const string WholeValue = "value";
    public const string Members = "members";

    private static readonly LambdaExpression[] Properties =
    [
        (Expression<Func<Complaint, string>>)(c => c.Description),
        (Expression<Func<Complaint, string?>>)(c => c.ResolutionNotes),
        (Expression<Func<KpHearing, string>>)(h => h.Minutes),
        (Expression<Func<KpCase, string?>>)(k => k.OutcomeTerms),
        (Expression<Func<KpCase, string?>>)(k => k.RepudiationReason),
        (Expression<Func<Complaints.Vawc.VawcAction, string?>>)(v => v.Notes),
        // The barangay's certificate signing keys: whoever reads a dump must not be able to sign certificates.
        (Expression<Func<Documents.Verification.CertificateSigningKey, string>>)(k => k.PrivateKey),
    ];

    /// <summary>
    /// JSON columns that stay JSON (their other members are structure the app reads), with the members that hold
    /// someone's words: a complaint's internal notes, the note of each step (resolution, rejection) and the rejection
    /// reason; in the audit trail, a correction request's value and note (the only details with those members; the
    /// masking of ID numbers runs before, on the plaintext).
    /// </summary>
    private static readonly (LambdaExpression Property, string[] Paths)[] JsonProperties =
    [
        ((Expression<Func<Complaint, string?>>)(c => c.Metadata), ["notes[].text", "history[].note", "rejection_reason"]),
        // A resident's correction request is kept as its audit row (CorrectionDetails): the value asked for and the note.
        ((Expression<Func<AuditLog, string?>>)(a => a.Details), ["requested", "note"]),
    ];

    /// <summary>Puts the cipher's converter on every listed property (called once per model).</summary>
    public static void Apply(ModelBuilder builder, ColumnCipher cipher)
    {
        foreach (var lambda in Properties)
        {
            var (property, column) = Find(builder, lambda);
            property.HasConversion(new ValueConverter<string, string>(v => cipher.Encrypt(v, column), v => cipher.Decrypt(v, column)));
            property.HasAnnotation(Annotation, WholeValue);
        }
        foreach (var (lambda, paths) in JsonProperties)
        {
            var (property, column) = Find(builder, lambda);
            var members = new EncryptedJsonMembers(cipher, column, paths);
            property.HasConversion(new ValueConverter<string, string>(v => members.Seal(v), v => members.Open(v)));
            property.HasAnnotation(Annotation, Members);
        }
    }

    private static (Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder Property, string Column) Find(ModelBuilder builder, LambdaExpression lambda)
    {
        var entity = builder.Entity(lambda.Parameters[0].Type);
        var name = ((MemberExpression)lambda.Body).Member.Name;
        return (entity.Property(name), AssociatedData(entity.Metadata.ClrType, name));
    }

    /// <summary>The associated data of a column's values: entity and property, fixed whatever the naming convention makes of the column.</summary>
    public static string AssociatedData(Type entity, string property) => $"{entity.Name}.{property}";

    public static bool IsEncrypted(IReadOnlyProperty p) => p.FindAnnotation(Annotation)?.Value is string;

    public static bool HasEncryptedMembers(IReadOnlyProperty p) => p.FindAnnotation(Annotation)?.Value is Members;

    /// <summary>The encrypted properties of <paramref name="model"/> with their table and column, for the backfill.</summary>
    public static IEnumerable<(string Table, string Column, IProperty Property)> Of(IModel model) =>
        from e in model.GetEntityTypes()
        from p in e.GetProperties()
        where IsEncrypted(p)
        select (e.GetTableName()!, p.GetColumnName(), p);
}
