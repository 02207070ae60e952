namespace Barangay.Data.Seed;

/// <summary>Names common in a Tagalog-speaking barangay, including Ñ and compound surnames.</summary>
internal static class FilipinoNames
{
    public static readonly string[] Surnames =
    [
        "Dela Cruz", "Santos", "Reyes", "Garcia", "Mendoza", "Bautista", "Villanueva", "Ramos", "Aquino", "Castillo",
        "De los Santos", "Dela Peña", "Peñaflor", "Muñoz", "Ibañez", "Castañeda", "Navarro", "Gonzales", "Fernandez", "Lopez",
        "Cruz", "Soriano", "Pascual", "Manalo", "Dizon", "Salvador", "San Juan", "Del Rosario", "Tolentino", "Gutierrez",
        "Aguilar", "Valdez", "Rivera", "Marquez", "Samonte", "Macaraeg", "Panganiban", "Lacson", "Magbanua", "Ocampo",
        "Agustin", "Bernardo", "Cabrera", "Dimaculangan", "Espiritu", "Francisco", "Galang", "Hernandez", "Ilagan", "Jimenez",
    ];

    public static readonly string[] Male =
    [
        "Juan", "Jose", "Andres", "Emilio", "Ramon", "Rodrigo", "Antonio", "Eduardo", "Ernesto", "Fernando",
        "Danilo", "Rogelio", "Romeo", "Mark Anthony", "John Paul", "Jerome", "Christian", "Kenneth", "Niño", "Santiago",
        "Carlo", "Paolo", "Miguel", "Gabriel", "Rafael", "Joshua", "Angelo", "Nestor", "Renato", "Arnel",
    ];

    public static readonly string[] Female =
    [
        "Maria", "Ana", "Rosario", "Josefina", "Teresita", "Luzviminda", "Corazon", "Marites", "Lorna", "Gloria",
        "Maricel", "Kristine", "Angelica", "Jasmine", "Princess", "Mary Grace", "Niña", "Patricia", "Camille", "Bea",
        "Andrea", "Sofia", "Isabel", "Carmela", "Lourdes", "Erlinda", "Remedios", "Rowena", "Jennifer", "Liza",
    ];

    public static readonly string[] Occupations =
    [
        "Farmer", "Fisherfolk", "Tricycle driver", "Sari-sari store owner", "Teacher", "Nurse", "Construction worker",
        "Vendor", "Housekeeper", "Call center agent", "OFW", "Government employee", "Carpenter", "Seamstress", "Student",
    ];

    public static readonly string[] Streets =
    [
        "Rizal St.", "Mabini St.", "Bonifacio St.", "Luna St.", "Burgos St.", "Del Pilar St.", "Sampaguita Lane", "Ilang-Ilang St.",
    ];
}
