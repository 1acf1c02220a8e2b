using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Candidates.Tests;

public sealed class DossierRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_valid_dossier_is_normalised()
    {
        var (content, errors) = DossierRules.Validate(SampleDossiers.Valid("  Elodie.Martin@Exemple.fr "), Now);

        Assert.True(errors.IsEmpty);
        Assert.Equal("Elodie.Martin@Exemple.fr", content!.Identification.Email);
        Assert.Equal("+33612345678", content.Identification.Phone);
        Assert.Equal("26 à 49 ans", content.Context.AgeBand);
        Assert.Equal(CandidateNotices.CurrentDataUseVersion, content.Consent.NoticeVersion);
        Assert.Equal(Now, content.Consent.InformedAt);
    }

    [Theory]
    [InlineData(2010, 1, 1, "Moins de 26 ans")]
    [InlineData(2000, 12, 2, "Moins de 26 ans")]
    [InlineData(2000, 12, 1, "26 à 49 ans")]
    [InlineData(1976, 12, 2, "26 à 49 ans")]
    [InlineData(1976, 12, 1, "50 ans et plus")]
    public void The_age_band_comes_from_the_birth_date(int year, int month, int day, string band)
    {
        var (content, errors) = DossierRules.Validate(SampleDossiers.Valid(birthDate: new DateOnly(year, month, day)), Now);

        Assert.True(errors.IsEmpty, string.Join(", ", errors.ToDictionary().Keys));
        Assert.Equal(band, content!.Context.AgeBand);
    }

    [Fact]
    public void An_age_band_that_contradicts_the_birth_date_is_refused()
    {
        var request = SampleDossiers.Valid() with { Context = new SearchContextInput("50 ans et plus", null, []) };

        var (_, errors) = DossierRules.Validate(request, Now);

        Assert.Contains("26 à 49 ans", Assert.Single(errors.ToDictionary()["context.ageBand"]));
    }

    [Fact]
    public void Without_a_birth_date_the_age_band_is_required()
    {
        var valid = SampleDossiers.Valid();
        var request = valid with { Identification = valid.Identification! with { BirthDate = null } };

        var (_, errors) = DossierRules.Validate(request, Now);

        Assert.Contains("context.ageBand", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Every_wrong_field_gets_its_own_French_message()
    {
        var valid = SampleDossiers.Valid();
        var request = valid with
        {
            Identification = valid.Identification! with
            {
                FirstName = " ",
                Email = "pas-une-adresse",
                Phone = "12",
                BirthDate = new DateOnly(2030, 1, 1),
                Address = new PostalAddressInput("1 rue", null, "6700", "Strasbourg"),
            },
            Context = new SearchContextInput(null, null, ["Chômeur", CandidateForm.Senior]),
            Profile = valid.Profile! with { QualificationLevel = "Bac", Skills = [new SkillInput("Langue", "Allemand", "Maîtrise")] },
            Project = valid.Project! with { TargetJobs = [], ContractTypes = ["CDI", "Contrat pro"], Mobility = new MobilityInput(["Paris (75)"], -1) },
            Consent = new ConsentInput("1999-01", null),
        };

        var errors = DossierRules.Validate(request, Now).Errors.ToDictionary();

        Assert.Equal(
            new[]
            {
                "consent.noticeVersion", "context.situations[0]", "identification.address.postalCode", "identification.birthDate",
                "identification.email", "identification.firstName", "identification.phone", "profile.qualificationLevel",
                "profile.skills[0].level", "project.contractTypes[1]", "project.mobility.departements[0]",
                "project.mobility.maximumDistanceKm", "project.targetJobs",
            },
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("A1", errors["profile.skills[0].level"][0]);
        Assert.Contains("« Chômeur »", errors["context.situations[0]"][0]);
    }

    [Fact]
    public void Missing_sections_are_reported_by_name()
    {
        var errors = DossierRules.Validate(new DossierRequest(null, null, null, null, null), Now).Errors.ToDictionary();

        Assert.Contains("identification", errors.Keys);
        Assert.Contains("profile", errors.Keys);
        Assert.Contains("project", errors.Keys);
        Assert.Contains("consent.noticeVersion", errors.Keys);
    }

    [Theory]
    [InlineData("DUPONT-Martin", "Élodie", "dupont martin", "elodie")]
    [InlineData("d'Argent", "Jean-Luc", "DARGENT", "jean luc")]
    public void One_person_has_one_name_key_whatever_the_spelling(string last1, string first1, string last2, string first2)
    {
        var birth = new DateOnly(1990, 5, 12);

        Assert.Equal(DossierRules.NameKey(last1, first1, birth), DossierRules.NameKey(last2, first2, birth));
        Assert.NotEqual(DossierRules.NameKey(last1, first1, birth), DossierRules.NameKey(last2, first2, birth.AddDays(1)));
        Assert.Null(DossierRules.NameKey(last1, first1, null));
    }
}
