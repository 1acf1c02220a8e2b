using Nege.Contracts.Api.Membership;
using Nege.Contracts.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Http;

namespace Membership.Tests;

/// <summary>What submission requires of part 2 (ApplicationForm.Missing), how a draft of part 2 is checked, and the board's decision's rules.</summary>
public sealed class ApplicationFormTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static OrganisationDraft Complete() => OrganisationDraft.Empty with
    {
        Name = "Numérique & Co",
        Category = "Entreprise",
        RegionalHeadOffice = "Strasbourg",
        LogoImageId = Guid.NewGuid(),
        DigitalSector = true,
        CompanyType = "PME : 10-250 personnes",
        Perimeter = new PerimeterDraft(12, 0, 3),
        DelegationCommitment = true,
        StatutesCommitment = true,
    };

    private static OrganisationDraft Startup(StartupDraft? facts) => Complete() with { CompanyType = MembershipForm.Startup, Startup = facts };

    [Fact]
    public void A_complete_draft_misses_nothing() =>
        Assert.True(ApplicationForm.Missing(Complete(), Today).IsEmpty);

    [Fact]
    public void The_optional_answers_may_stay_empty()
    {
        var draft = Complete() with
        {
            Presentation = null, Website = null, CompanyType = null, MainActivities = [], SiteDepartements = [], InterventionDepartements = [],
            AffiliationOrganisationId = null, HrContactAccountId = null,
        };

        Assert.True(ApplicationForm.Missing(draft, Today).IsEmpty);
    }

    [Fact]
    public void Not_in_the_digital_sector_is_an_answer()
    {
        Assert.True(ApplicationForm.Missing(Complete() with { DigitalSector = false }, Today).IsEmpty);
    }

    [Theory]
    [InlineData("name", "La raison sociale est obligatoire.")]
    [InlineData("category", "La catégorie d'organisme est obligatoire.")]
    [InlineData("regionalHeadOffice", "La localisation de la direction régionale est obligatoire.")]
    [InlineData("logo", "Le logo est obligatoire.")]
    [InlineData("digitalSector", "Indiquez si votre organisme appartient au secteur numérique.")]
    [InlineData("perimeter.alsace", "L'adhésion pour l'Alsace est obligatoire (0 si vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire).")]
    [InlineData("perimeter.champagneArdenne", "L'adhésion pour Champagne-Ardenne est obligatoire (0 si vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire).")]
    [InlineData("perimeter.lorraine", "L'adhésion pour Lorraine est obligatoire (0 si vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire).")]
    [InlineData("commitments.delegation", "Vous devez certifier avoir les délégations nécessaires pour engager et représenter votre organisme.")]
    [InlineData("commitments.statutes", "Vous devez certifier avoir pris connaissance des statuts, du règlement intérieur et de la grille de cotisation, et les accepter.")]
    public void Each_required_answer_is_missing_under_its_key_with_its_French_message(string key, string message)
    {
        var draft = Complete();
        draft = key switch
        {
            "name" => draft with { Name = null },
            "category" => draft with { Category = null },
            "regionalHeadOffice" => draft with { RegionalHeadOffice = null },
            "logo" => draft with { LogoImageId = null },
            "digitalSector" => draft with { DigitalSector = null },
            "perimeter.alsace" => draft with { Perimeter = draft.Perimeter! with { Alsace = null } },
            "perimeter.champagneArdenne" => draft with { Perimeter = draft.Perimeter! with { ChampagneArdenne = null } },
            "perimeter.lorraine" => draft with { Perimeter = draft.Perimeter! with { Lorraine = null } },
            "commitments.delegation" => draft with { DelegationCommitment = false },
            "commitments.statutes" => draft with { StatutesCommitment = false },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
        };

        var missing = ApplicationForm.Missing(draft, Today).ToDictionary();

        Assert.Equal([key], missing.Keys);
        Assert.Equal([message], missing[key]);
    }

    [Fact]
    public void An_empty_draft_misses_every_required_answer()
    {
        var missing = ApplicationForm.Missing(OrganisationDraft.Empty, Today).ToDictionary();

        Assert.Equal(
            new HashSet<string>
            {
                "name", "category", "regionalHeadOffice", "logo", "digitalSector", "perimeter.alsace", "perimeter.champagneArdenne", "perimeter.lorraine",
                "commitments.delegation", "commitments.statutes",
            },
            missing.Keys.ToHashSet());
    }

    [Fact]
    public void A_perimeter_of_zeros_everywhere_is_refused()
    {
        var missing = ApplicationForm.Missing(Complete() with { Perimeter = new PerimeterDraft(0, 0, 0) }, Today).ToDictionary();

        Assert.Equal(["perimeter"], missing.Keys);
        Assert.Equal(["Indiquez un nombre supérieur à 0 pour au moins un territoire : l'adhésion doit couvrir au moins l'un d'eux."], missing["perimeter"]);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 1)]
    [InlineData(250, 40, 0)]
    public void One_territory_above_zero_is_enough(int alsace, int champagneArdenne, int lorraine) =>
        Assert.True(ApplicationForm.Missing(Complete() with { Perimeter = new PerimeterDraft(alsace, champagneArdenne, lorraine) }, Today).IsEmpty);

    [Fact]
    public void A_startup_needs_its_creation_date_headcount_and_turnover()
    {
        var missing = ApplicationForm.Missing(Startup(null), Today).ToDictionary();

        Assert.Equal(new HashSet<string> { "startup.creationDate", "startup.headcount", "startup.turnoverBand" }, missing.Keys.ToHashSet());
        Assert.Equal(["La date de création de la startup est obligatoire."], missing["startup.creationDate"]);
        Assert.Equal(["L'effectif de la startup est obligatoire."], missing["startup.headcount"]);
        Assert.Equal(["Le chiffre d'affaires de la startup est obligatoire."], missing["startup.turnoverBand"]);
    }

    [Fact]
    public void A_startup_that_meets_the_definition_misses_nothing() =>
        Assert.True(ApplicationForm.Missing(Startup(new StartupDraft(new DateOnly(2025, 3, 1), 4, "Moins de 300 K€", true)), Today).IsEmpty);

    [Theory]
    [InlineData("2020-05-01", 4, "Moins de 300 K€")]
    [InlineData("2023-01-01", 4, "Moins de 300 K€")]
    [InlineData("2025-03-01", 25, "300 K€ ou plus")]
    public void A_StartUp_that_does_not_meet_the_seeds_definition_is_refused_with_the_definition(string created, int headcount, string turnover)
    {
        var facts = new StartupDraft(DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture), headcount, turnover, false);

        var missing = ApplicationForm.Missing(Startup(facts), Today).ToDictionary();

        Assert.Equal(["companyType"], missing.Keys);
        Assert.Equal(
            ["Votre entreprise ne répond pas à la définition d'une startup. Une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€."],
            missing["companyType"]);
    }

    [Fact]
    public void A_creation_date_in_the_future_is_refused()
    {
        var missing = ApplicationForm.Missing(Startup(new StartupDraft(Today.AddDays(1), 2, "Moins de 300 K€", false)), Today).ToDictionary();

        Assert.Equal(["startup.creationDate"], missing.Keys);
        Assert.Equal(["La date de création ne peut pas être dans le futur."], missing["startup.creationDate"]);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("TPE : 1-9 personnes")]
    [InlineData("Grande entreprise")]
    [InlineData(null)]
    public void Startup_facts_are_required_only_of_a_StartUp(string? companyType) =>
        Assert.True(ApplicationForm.Missing(Complete() with { CompanyType = companyType, Startup = null }, Today).IsEmpty);

    // ---- Part 2 saved as a draft --------------------------------------------------------------------------------

    [Fact]
    public void A_draft_of_part_2_may_leave_every_answer_out()
    {
        var errors = new ValidationErrors();

        var draft = ApplicationForm.ValidateOrganisation(errors, Request(), OrganisationDraft.Empty);

        Assert.True(errors.IsEmpty);
        Assert.Equal(OrganisationDraft.Empty.Name, draft.Name);
        Assert.Null(draft.Perimeter);
        Assert.False(draft.DelegationCommitment);
    }

    [Fact]
    public void Each_present_answer_of_part_2_is_checked_under_its_key()
    {
        var errors = new ValidationErrors();

        ApplicationForm.ValidateOrganisation(errors, Request() with
        {
            Name = new string('N', 201),
            Category = "Entreprises",
            RegionalHeadOffice = new string('S', 201),
            Website = "javascript:alert(1)",
            CompanyType = "Start-up",
            MainActivities = ["ESN - Agence web"],
            SiteDepartements = ["Bas-Rhin"],
            InterventionDepartements = ["Moselle"],
            Perimeter = new PerimeterInput(-1, -2, -3),
        }, OrganisationDraft.Empty);

        Assert.Equal(
            new HashSet<string>
            {
                "name", "category", "regionalHeadOffice", "website", "companyType", "mainActivities", "siteDepartements", "interventionDepartements",
                "perimeter.alsace", "perimeter.champagneArdenne", "perimeter.lorraine",
            },
            errors.ToDictionary().Keys.ToHashSet());
        Assert.Equal(["L'adhésion pour Champagne-Ardenne doit être un nombre entre 0 et 1000000."], errors.ToDictionary()["perimeter.champagneArdenne"]);
    }

    [Fact]
    public void Startup_facts_are_checked_and_kept_only_for_a_StartUp()
    {
        var facts = new StartupInput(new DateOnly(2025, 3, 1), 4, "Moins de 300 K€", true);
        var errors = new ValidationErrors();

        var startup = ApplicationForm.ValidateOrganisation(errors, Request() with { CompanyType = "StartUp", Startup = facts }, OrganisationDraft.Empty);
        var small = ApplicationForm.ValidateOrganisation(errors, Request() with { CompanyType = "TPE : 1-9 personnes", Startup = facts }, OrganisationDraft.Empty);
        Assert.True(errors.IsEmpty);
        Assert.Equal(new StartupDraft(new DateOnly(2025, 3, 1), 4, "Moins de 300 K€", true), startup.Startup);
        Assert.Null(small.Startup);

        ApplicationForm.ValidateOrganisation(errors, Request() with { CompanyType = "StartUp", Startup = new StartupInput(null, -4, "Beaucoup", null) }, OrganisationDraft.Empty);
        Assert.Equal(new HashSet<string> { "startup.headcount", "startup.turnoverBand" }, errors.ToDictionary().Keys.ToHashSet());
        Assert.Equal(["Le chiffre d'affaires doit être l'une des valeurs : Moins de 300 K€, 300 K€ ou plus."], errors.ToDictionary()["startup.turnoverBand"]);
    }

    [Fact]
    public void The_logo_the_affiliation_and_the_HR_contact_of_the_previous_draft_are_kept()
    {
        var previous = Complete() with { AffiliationOrganisationId = Guid.NewGuid(), HrContactAccountId = Guid.NewGuid() };
        var errors = new ValidationErrors();

        var draft = ApplicationForm.ValidateOrganisation(errors, Request() with { Name = "Autre nom" }, previous);

        Assert.Equal("Autre nom", draft.Name);
        Assert.Equal(previous.LogoImageId, draft.LogoImageId);
        Assert.Equal(previous.AffiliationOrganisationId, draft.AffiliationOrganisationId);
        Assert.Equal(previous.HrContactAccountId, draft.HrContactAccountId);
    }

    [Fact]
    public void The_presentation_of_a_draft_is_sanitised()
    {
        var errors = new ValidationErrors();

        var draft = ApplicationForm.ValidateOrganisation(errors, Request() with { Presentation = "<p onclick=\"x()\">Bonjour</p><script>alert(1)</script>" }, OrganisationDraft.Empty);

        Assert.Equal("<p>Bonjour</p>", draft.Presentation);
    }

    private static OrganisationRequest Request() =>
        new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    // ---- The board's decision -----------------------------------------------------------------------------------

    private static readonly DateOnly SubmittedOn = new(2026, 11, 2);
    private static readonly DateOnly DecisionDay = new(2026, 11, 20);

    [Theory]
    [InlineData("accepted", "2026-11-20", null)]
    [InlineData("accepted", "2026-11-02", "")]
    [InlineData("accepted", "2026-11-10", "Bienvenue")]
    [InlineData("refused", "2026-11-10", "Hors du périmètre de l'association")]
    public void A_decision_of_a_past_meeting_since_the_submission_is_accepted(string decision, string meeting, string? reason) =>
        Assert.True(Decide(decision, meeting, reason).IsEmpty);

    [Theory]
    [InlineData(null, "decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).")]
    [InlineData("", "decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).")]
    [InlineData("Accepted", "decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).")]
    [InlineData("acceptée", "decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).")]
    public void The_decision_is_accepted_or_refused(string? decision, string key, string message) =>
        Assert.Equal([message], Decide(decision, "2026-11-20", "Motif").ToDictionary()[key]);

    [Theory]
    [InlineData(null, "La date de la réunion du Conseil d'Administration est obligatoire.")]
    [InlineData("2026-11-21", "La date de la réunion du Conseil d'Administration ne peut pas être dans le futur.")]
    [InlineData("2027-01-01", "La date de la réunion du Conseil d'Administration ne peut pas être dans le futur.")]
    [InlineData("2026-11-01", "La réunion du Conseil d'Administration ne peut pas précéder le dépôt de la demande.")]
    [InlineData("2025-11-20", "La réunion du Conseil d'Administration ne peut pas précéder le dépôt de la demande.")]
    public void The_meeting_date_is_required_not_in_the_future_and_not_before_the_submission(string? meeting, string message)
    {
        var errors = Decide("accepted", meeting, null).ToDictionary();

        Assert.Equal(["boardMeetingDate"], errors.Keys);
        Assert.Equal([message], errors["boardMeetingDate"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_refusal_needs_a_reason(string? reason)
    {
        var errors = Decide("refused", "2026-11-20", reason).ToDictionary();

        Assert.Equal(["reason"], errors.Keys);
        Assert.Equal(["Le motif du refus est obligatoire."], errors["reason"]);
    }

    [Fact]
    public void A_reason_is_at_most_2000_characters()
    {
        Assert.True(Decide("refused", "2026-11-20", new string('m', 2000)).IsEmpty);
        Assert.Equal(["Le motif ne doit pas dépasser 2000 caractères."], Decide("refused", "2026-11-20", new string('m', 2001)).ToDictionary()["reason"]);
    }

    private static ValidationErrors Decide(string? decision, string? meeting, string? reason) =>
        Admission.Validate(
            new ValidationErrors(),
            new DecisionRequest(decision, meeting is null ? null : DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture), reason),
            SubmittedOn, DecisionDay);
}
