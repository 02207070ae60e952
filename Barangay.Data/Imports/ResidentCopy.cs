using Barangay.Data.Residents;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Data.Imports;

/// <summary>
/// Writes residents with binary COPY — the fastest way into PostgreSQL (and supported by CockroachDB) — on the
/// caller's connection and transaction, so a chunk and its progress commit together. Columns left out keep their
/// defaults (<c>created_at</c>, <c>privacy_settings</c>, the RBI flags).
/// </summary>
public static class ResidentCopy
{
    public const string Sql = """
        COPY residents (id, resident_id, first_name, middle_name, last_name, name_extension, dob, sex, purok, address,
                        contact_number, email, occupation, marital_status, place_of_birth, citizenship, registration_status,
                        version, search_name, search_first, search_last)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(NpgsqlConnection conn, IReadOnlyList<Resident> rows, CancellationToken ct)
    {
        await using var writer = await conn.BeginBinaryImportAsync(Sql, ct);
        foreach (var r in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.ResidentId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.FirstName, NpgsqlDbType.Text, ct);
            await Nullable(writer, r.MiddleName, ct);
            await writer.WriteAsync(r.LastName, NpgsqlDbType.Text, ct);
            await Nullable(writer, r.NameExtension, ct);
            await writer.WriteAsync(r.Dob, NpgsqlDbType.Date, ct);
            await Nullable(writer, r.Sex, ct);
            await writer.WriteAsync(r.Purok, NpgsqlDbType.Text, ct);
            await Nullable(writer, r.Address, ct);
            await Nullable(writer, r.ContactNumber, ct);
            await Nullable(writer, r.Email, ct);
            await Nullable(writer, r.Occupation, ct);
            await Nullable(writer, r.MaritalStatus, ct);
            await Nullable(writer, r.PlaceOfBirth, ct);
            await Nullable(writer, r.Citizenship, ct);
            await writer.WriteAsync(r.RegistrationStatus, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Version, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.SearchName, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.SearchFirst, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.SearchLast, NpgsqlDbType.Text, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static Task Nullable(NpgsqlBinaryImporter writer, string? value, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
