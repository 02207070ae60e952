using Barangay.Data.Complaints.Kp;
using Barangay.Data.Residents;

namespace Barangay.Tests.Data.Complaints;

public class KpRespondentRankingTests
{
    private static ResidentRow Row(string name, string purok = "Purok 1", int age = 40) =>
        new(Guid.NewGuid(), "RES-" + name.GetHashCode(), name, "M", new DateOnly(1986, 1, 1), age, purok, "active", null, false);

    [Fact]
    public void Rank_FullNameTyped_ExactNamesakesBeforeNearTypos()
    {
        // As the typo-tolerant search returns them: sorted by name, the near typos first.
        var rows = new[] { Row("Dela Cruz, Joan"), Row("Dela Cruz, Juana"), Row("Dela Cruz, Juan Santos", "Purok 2", 61), Row("Dela Crux, Juan"), Row("Dela Cruz, Juan", "Purok 4", 28) };

        var ranked = KpRespondentRanking.Rank("Juan Dela Cruz", rows);

        // The exact name first, then a longer name holding every typed word, then prefixes, then the near typos.
        ranked.Select(r => r.FullName).Should().Equal("Dela Cruz, Juan", "Dela Cruz, Juan Santos", "Dela Cruz, Juana", "Dela Cruz, Joan", "Dela Crux, Juan");
    }

    [Fact]
    public void Rank_AccentsAndCaseIgnored()
    {
        var ranked = KpRespondentRanking.Rank("rosario munoz", [Row("Muñez, Rosario"), Row("Muñoz, Rosario T.")]);
        ranked[0].FullName.Should().Be("Muñoz, Rosario T.");
    }
}
