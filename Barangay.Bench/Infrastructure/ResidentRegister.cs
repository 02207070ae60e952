using System.Diagnostics;
using System.Globalization;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Bench.Infrastructure;

/// <summary>
/// A barangay of <see cref="Count"/> residents for the register benchmarks, made once per database with binary COPY
/// (not timed): Filipino names drawn with realistic weights (Dela Cruz, Santos and Reyes common; Peña, Muñoz, Ibañez,
/// Niño...), a middle name (the mother's maiden name), a few Jr./Sr., seven puroks <c>purok-1</c>..<c>purok-7</c>
/// (also <c>lookup_values</c> rows), a young population's birth dates, mostly active statuses, and about four
/// residents in five in one of <see cref="Households"/> households. The search columns are filled by
/// <see cref="NameSearch.Apply"/> itself, as the service does. Then <c>ANALYZE</c>, so the planner knows the table.
/// The same seed gives the same barangay on every run.
/// </summary>
internal static class ResidentRegister
{
    public const int Count = 100_000;
    public const int Households = 22_000;
    public const int Puroks = 7;
    private const string ResidentPrefix = "RES-2025-";
    private const string HouseholdPrefix = "HH-2025-";

    /// <summary>A surname only a handful of residents have (every 33,333rd), for the "rare name" search.</summary>
    public const string RareLastName = "Pagulayan";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    // Weights roughly follow how common the surnames are; the spelled accents are kept (Peña, Muñoz...).
    private static readonly (string Name, int Weight)[] LastNames =
    [
        ("Dela Cruz", 40), ("Santos", 35), ("Reyes", 33), ("Garcia", 28), ("Mendoza", 24), ("Bautista", 22), ("Ramos", 20),
        ("Aquino", 18), ("Villanueva", 18), ("Castillo", 16), ("Flores", 16), ("De Leon", 15), ("Del Rosario", 14),
        ("De Guzman", 14), ("Torres", 14), ("Gonzales", 13), ("Cruz", 13), ("Lopez", 12), ("Perez", 12), ("Rivera", 12),
        ("Navarro", 10), ("Pascual", 10), ("Domingo", 10), ("Soriano", 10), ("Mercado", 10), ("Fernandez", 10),
        ("Peña", 9), ("Dela Peña", 6), ("Muñoz", 8), ("Ibañez", 6), ("Nuñez", 6), ("Cañete", 4), ("Quiñones", 4),
        ("Salazar", 9), ("Valdez", 9), ("Aguilar", 8), ("Ocampo", 8), ("Javier", 8), ("Hernandez", 8), ("Morales", 8),
        ("Santiago", 8), ("Sarmiento", 7), ("Tolentino", 7), ("Evangelista", 7), ("Marquez", 7), ("Gutierrez", 7),
        ("Delos Santos", 7), ("Delos Reyes", 6), ("San Jose", 5), ("Santa Maria", 4), ("Dizon", 6), ("Manalo", 6),
        ("Macaraeg", 4), ("Dimaculangan", 3), ("Magbanua", 3), ("Panganiban", 4), ("Lacson", 4), ("Samonte", 4),
        ("Zamora", 4), ("Ilagan", 4), ("Robles", 5), ("Padilla", 5), ("Velasco", 5), ("Alvarez", 5), ("Romero", 5),
        ("Vergara", 5), ("Estrada", 5), ("Miranda", 5), ("Cabrera", 5), ("Salvador", 5), ("Lim", 5), ("Tan", 5),
        ("Go", 3), ("Sy", 3), ("Manalastas", 3), ("Bernardo", 4), ("Cortez", 4), ("Enriquez", 4), ("Galang", 4),
        ("Lacsamana", 3), ("Mangubat", 3), ("Tiongson", 3), ("Yap", 3), ("Agbayani", 3), ("Batungbakal", 2),
    ];

    private static readonly (string Name, int Weight)[] FirstNamesFemale =
    [
        ("Maria", 30), ("Ma. Teresa", 8), ("Ana", 12), ("Angelica", 10), ("Kristine", 9), ("Rowena", 7), ("Lorna", 6),
        ("Maricel", 8), ("Jocelyn", 7), ("Marites", 6), ("Rosario", 6), ("Liza", 6), ("Cristina", 8), ("Jennifer", 8),
        ("Michelle", 8), ("Princess", 5), ("Althea", 5), ("Nicole", 7), ("Andrea", 6), ("Patricia", 6), ("Erlinda", 4),
        ("Remedios", 3), ("Corazon", 3), ("Luzviminda", 3), ("Mary Joy", 6), ("Maria Ñiña", 2), ("Aurora", 4), ("Divina", 3),
    ];

    private static readonly (string Name, int Weight)[] FirstNamesMale =
    [
        ("Juan", 20), ("Jose", 18), ("John Paul", 10), ("Mark", 12), ("Jayson", 9), ("Rodel", 6), ("Ramon", 7),
        ("Antonio", 8), ("Eduardo", 6), ("Roberto", 6), ("Ricardo", 6), ("Danilo", 5), ("Rogelio", 5), ("Niño", 5),
        ("Christian", 9), ("Kenneth", 7), ("Joshua", 8), ("Carlo", 6), ("Miguel", 6), ("Paolo", 5), ("Renato", 4),
        ("Ernesto", 4), ("Fernando", 5), ("Benjamin", 4), ("Emmanuel", 5), ("Jun-Jun", 2), ("Bong", 2), ("Efren", 3),
    ];

    // Share of residents per five-year band, 0-4 to 90-94: a young population.
    private static readonly int[] AgeBandWeights = [100, 98, 96, 94, 90, 85, 76, 70, 60, 55, 50, 40, 30, 20, 13, 8, 4, 2, 1];

    public static string PurokCode(int n) => $"purok-{n}";

    /// <summary>Makes the residents unless this database already has them. Returns a line for the log.</summary>
    public static async Task<string> EnsureAsync(BenchDatabase database, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (_ready) return $"reusing the {Count:N0} bench residents";
            var existing = Convert.ToInt64(await database.ScalarAsync(
                "SELECT count(*) FROM residents WHERE resident_id LIKE @p || '%'", ct, new NpgsqlParameter<string>("p", ResidentPrefix)), CultureInfo.InvariantCulture);
            string line;
            if (existing == Count)
                line = $"the database already holds the {Count:N0} bench residents";
            else
            {
                if (existing != 0) throw new InvalidOperationException($"Found {existing} bench residents, expected 0 or {Count}; run ./bench.sh, which recreates the database.");
                var start = Stopwatch.GetTimestamp();
                await PuroksAsync(database, ct);
                var households = await HouseholdsAsync(database, ct);
                await ResidentsAsync(database, households, ct);
                await database.ExecuteAsync(ResidentNames.RebuildSql, ct);
                var written = Stopwatch.GetElapsedTime(start);
                var analyzed = await AnalyzeAsync(database, ct);
                line = string.Create(CultureInfo.InvariantCulture,
                    $"generated {Count:N0} residents in {Households:N0} households in {written.TotalSeconds:F1} s (binary COPY), {analyzed} in {(Stopwatch.GetElapsedTime(start) - written).TotalSeconds:F1} s");
            }
            _ready = true;
            return line;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static Task PuroksAsync(BenchDatabase database, CancellationToken ct) =>
        database.ExecuteAsync("""
            INSERT INTO lookup_values (category, code, label, sort_order)
            SELECT @c, 'purok-' || g, 'Purok ' || g, g FROM generate_series(1, @n) g
            ON CONFLICT (category, code) DO NOTHING
            """, ct, new NpgsqlParameter<string>("c", LookupCategories.Purok), new NpgsqlParameter<int>("n", Puroks));

    private static async Task<Guid[]> HouseholdsAsync(BenchDatabase database, CancellationToken ct)
    {
        var ids = new Guid[Households];
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        await using var writer = await conn.BeginBinaryImportAsync(
            "COPY households (id, household_id, purok, address, version) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < Households; i++)
        {
            ids[i] = Guid.CreateVersion7();
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(HouseholdPrefix + (i + 1).ToString("D6", CultureInfo.InvariantCulture), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(PurokCode(i % Puroks + 1), NpgsqlDbType.Text, ct);
            await writer.WriteAsync($"Lot {i % 40 + 1}, Blk {i / 40 + 1}", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
        }
        await writer.CompleteAsync(ct);
        return ids;
    }

    private static async Task ResidentsAsync(BenchDatabase database, Guid[] households, CancellationToken ct)
    {
        var random = new Random(20_261_125);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastNames = Weighted(LastNames);
        var female = Weighted(FirstNamesFemale);
        var male = Weighted(FirstNamesMale);
        var ageBands = Weighted(AgeBandWeights.Select((w, i) => (i, w)).ToArray());

        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        await using var writer = await conn.BeginBinaryImportAsync("""
            COPY residents (resident_id, first_name, middle_name, last_name, name_extension, dob, sex, purok, household_id,
                            marital_status, registration_status, version, search_name, search_first, search_last)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        for (var i = 0; i < Count; i++)
        {
            var isFemale = random.Next(2) == 0;
            var age = ageBands[random.Next(ageBands.Length)] * 5 + random.Next(5);
            var r = new Resident
            {
                ResidentId = ResidentPrefix + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                FirstName = (isFemale ? female : male)[random.Next(isFemale ? female.Length : male.Length)],
                MiddleName = random.Next(20) == 0 ? null : lastNames[random.Next(lastNames.Length)],
                LastName = i % 33_333 == 7 ? RareLastName : lastNames[random.Next(lastNames.Length)],
                NameExtension = !isFemale && random.Next(30) == 0 ? ResidentLists.NameExtensions[random.Next(3)] : null,
                Dob = today.AddYears(-age).AddDays(-random.Next(365)),
                Sex = isFemale ? "Female" : "Male",
                Purok = PurokCode(random.Next(Puroks) + 1),
                HouseholdId = random.Next(5) == 0 ? null : households[random.Next(households.Length)],
                MaritalStatus = age < 18 ? "Single" : ResidentLists.MaritalStatuses[random.Next(4)],
                RegistrationStatus = random.Next(100) switch { < 90 => ResidentStatuses.Active, < 97 => ResidentStatuses.Pending, _ => ResidentStatuses.Archived },
            };
            NameSearch.Apply(r);

            await writer.StartRowAsync(ct);
            await writer.WriteAsync(r.ResidentId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.FirstName, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(writer, r.MiddleName, ct);
            await writer.WriteAsync(r.LastName, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(writer, r.NameExtension, ct);
            await writer.WriteAsync(r.Dob, NpgsqlDbType.Date, ct);
            await writer.WriteAsync(r.Sex, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Purok, NpgsqlDbType.Text, ct);
            if (r.HouseholdId is { } h) await writer.WriteAsync(h, NpgsqlDbType.Uuid, ct); else await writer.WriteNullAsync(ct);
            await writer.WriteAsync(r.MaritalStatus, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.RegistrationStatus, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.SearchName, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.SearchFirst, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.SearchLast, NpgsqlDbType.Text, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// VACUUM (ANALYZE), as autovacuum would within a minute or two of a bulk load: besides the planner's estimates it
    /// merges the trigram indexes' pending lists, which a fresh COPY leaves holding up to 4 MB that every name search
    /// would otherwise scan (5 ms of a rare name's 0.5 ms). It needs the table's owner: the bench gets the owner's connection string in BENCH_OWNER_CONNECTION for
    /// this alone (./bench.sh sets it). Without it, the app role's ANALYZE is skipped by PostgreSQL with a warning,
    /// and the check on the planner's estimate below says so.
    /// </summary>
    private static async Task<string> AnalyzeAsync(BenchDatabase database, CancellationToken ct)
    {
        var owner = Environment.GetEnvironmentVariable("BENCH_OWNER_CONNECTION");
        if (string.IsNullOrWhiteSpace(owner)) await database.ExecuteAsync("ANALYZE residents, households, lookup_values", ct);
        else
        {
            await using var conn = new NpgsqlConnection(owner);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("VACUUM (ANALYZE) residents, households, lookup_values, resident_names", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // ANALYZE sets the planner's row estimate (COPY leaves it unknown, -1).
        var estimate = Convert.ToDouble(await database.ScalarAsync("SELECT reltuples FROM pg_class WHERE oid = 'residents'::regclass", ct), CultureInfo.InvariantCulture);
        if (estimate < Count * 0.9)
            throw new InvalidOperationException("residents could not be analyzed: set BENCH_OWNER_CONNECTION to the table owner's connection string (./bench.sh does).");
        return "analyzed";
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, NpgsqlDbType.Text, ct);

    /// <summary>A lookup array in which each value appears as often as its weight, for a uniform index.</summary>
    private static T[] Weighted<T>((T Value, int Weight)[] items) => [.. items.SelectMany(x => Enumerable.Repeat(x.Value, x.Weight))];
}
