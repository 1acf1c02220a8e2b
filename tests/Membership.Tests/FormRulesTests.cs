using Nege.Contracts.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Http;

namespace Membership.Tests;

/// <summary>The « Devenir adhérent » form's field rules (FormRules), one case a line, with the seed's lists and wording.</summary>
public sealed class FormRulesTests
{
    private const string InvalidMobile = "Le téléphone mobile n'est pas un numéro valide (par exemple 06 12 34 56 78 ou +33 6 12 34 56 78).";
    private const string InvalidLandline = "Le téléphone fixe n'est pas un numéro valide (par exemple 06 12 34 56 78 ou +33 6 12 34 56 78).";
    private const string NotAMobile = "Le téléphone mobile n'est pas un numéro de mobile.";
    private const string BadWebsite = "Le site web doit être une adresse complète, commençant par https:// ou http:// (par exemple https://www.exemple.fr).";
    private const string BadPostalCode = "Le code postal doit comporter 5 chiffres.";

    // ---- The seed's lists, as the association's document spells them -------------------------------------------

    [Fact]
    public void The_shared_lists_are_the_seeds_values_spelt_as_the_seed_spells_them()
    {
        Assert.Equal(["Entreprise", "Partenaire emploi", "Partenaire formation", "Partenaire Soutien", "Organisation professionnelle"],
            MembershipForm.OrganisationCategories);
        Assert.Equal(["Evénement public", "Vie de l'association", "Commission Aide au Recrutement", "Commission Adaptation des Compétences", "Processus & Documentation"],
            MembershipForm.NewsCategories);
        Assert.Equal(["N/A", "StartUp", "TPE : 1-9 personnes", "PME : 10-250 personnes", "ETI : 251-5000 personnes", "Grande entreprise", "Organisme public"],
            MembershipForm.CompanyTypes);
        Assert.Equal(
            [
                "Éditeur de logiciel, plateforme SaaS", "ESN - Agence Web", "ESN - Conseils et services Infrastructures", "ESN - Conseils et Services Logiciels",
                "ESN - Conseils et Services Métier", "Société d'Ingénierie et de Conseils en technologies (informatique embarquée)", "Cabinet de recrutement",
                "Direction interne du Système d'Information / de la Transformation numérique",
            ],
            MembershipForm.MainActivities);
        Assert.Equal(
            [
                "Alsace : Bas-Rhin (67)", "Alsace : Haut-Rhin (68)", "Lorraine : Meurthe-et-Moselle (54)", "Lorraine : Meuse (55)", "Lorraine : Moselle (57)",
                "Lorraine : Vosges (88)", "Champagne Ardennes : Ardennes (08)", "Champagne Ardennes : Aube (10)", "Champagne Ardennes : Marne (51)",
                "Champagne Ardennes : Haute-Marne (52)", "Territoire de Belfort (90)",
            ],
            MembershipForm.Departements);
        Assert.Equal("N/A", MembershipForm.WorkplaceZones[0]);
        Assert.Equal(15, MembershipForm.DecisionTargetDays);
        Assert.Equal(
            "Une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€.",
            FormRules.StartupDefinition);
    }

    // ---- Phones: French by default, stored in E.164 ----------------------------------------------------------

    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "+33612345678")]
    [InlineData(" 07 81 23 45 67 ", "+33781234567")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    public void Mobile_numbers_written_the_French_way_or_internationally_are_stored_in_E164(string written, string stored)
    {
        var errors = new ValidationErrors();

        Assert.Equal(stored, FrenchPhone.ToE164(errors, "mobilePhone", written, "téléphone mobile", mobile: true));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("03 88 00 00 00", "+33388000000")]
    [InlineData("01 42 68 53 00", "+33142685300")]
    [InlineData("+33 3 83 00 00 00", "+33383000000")]
    [InlineData("06 12 34 56 78", "+33612345678")]
    public void Landline_field_accepts_any_valid_number(string written, string stored)
    {
        var errors = new ValidationErrors();

        Assert.Equal(stored, FrenchPhone.ToE164(errors, "landlinePhone", written, "téléphone fixe"));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("03 88 00 00 00", NotAMobile)]
    [InlineData("01 42 68 53 00", NotAMobile)]
    [InlineData("06 12 34", InvalidMobile)]
    [InlineData("06 12 34 56 78 90", InvalidMobile)]
    [InlineData("bonjour", InvalidMobile)]
    [InlineData("00 00 00 00 00", InvalidMobile)]
    public void A_landline_or_an_invalid_number_is_refused_as_a_mobile(string written, string message)
    {
        var errors = new ValidationErrors();

        Assert.Null(FrenchPhone.ToE164(errors, "mobilePhone", written, "téléphone mobile", mobile: true));
        Assert.Equal([message], errors.ToDictionary()["mobilePhone"]);
    }

    [Theory]
    [InlineData("03 88")]
    [InlineData("abc")]
    [InlineData("+33 3 88 00 00 00 00 00")]
    public void An_invalid_landline_is_refused(string written)
    {
        var errors = new ValidationErrors();

        Assert.Null(FrenchPhone.ToE164(errors, "landlinePhone", written, "téléphone fixe"));
        Assert.Equal([InvalidLandline], errors.ToDictionary()["landlinePhone"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_phone_is_no_phone(string? written)
    {
        var errors = new ValidationErrors();

        Assert.Null(FrenchPhone.ToE164(errors, "mobilePhone", written, "téléphone mobile", mobile: true));
        Assert.True(errors.IsEmpty);
    }

    // ---- Postal code ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("67000", "67000")]
    [InlineData(" 67 000 ", "67000")]
    [InlineData("08000", "08000")]
    public void French_postal_codes_are_accepted(string written, string stored)
    {
        var errors = new ValidationErrors();

        Assert.Equal(stored, FormRules.PostalCode(errors, "workplace.postalCode", written));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("6700")]
    [InlineData("670000")]
    [InlineData("67OOO")]
    [InlineData("F-67000")]
    [InlineData("６７０００")]
    [InlineData("٦٧٠٠٠")]
    public void Other_postal_codes_are_refused(string written)
    {
        var errors = new ValidationErrors();

        FormRules.PostalCode(errors, "workplace.postalCode", written);

        Assert.Equal([BadPostalCode], errors.ToDictionary()["workplace.postalCode"]);
    }

    // ---- Website: « URL complète de votre site web » -------------------------------------------------------

    [Theory]
    [InlineData("https://www.exemple.fr", "https://www.exemple.fr/")]
    [InlineData("http://exemple.com", "http://exemple.com/")]
    [InlineData(" https://exemple.fr/entreprise?page=1 ", "https://exemple.fr/entreprise?page=1")]
    [InlineData("HTTPS://Exemple.FR/Carrieres", "https://exemple.fr/Carrieres")]
    public void Complete_http_and_https_addresses_are_accepted(string written, string stored)
    {
        var errors = new ValidationErrors();

        Assert.Equal(stored, FormRules.Website(errors, "website", written));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://exemple.fr")]
    [InlineData("file:///etc/passwd")]
    [InlineData("www.exemple.fr")]
    [InlineData("exemple.fr")]
    [InlineData("/node/100")]
    [InlineData("<front>")]
    [InlineData("https://")]
    [InlineData("mailto:contact@exemple.fr")]
    public void Anything_but_a_complete_http_or_https_address_is_refused(string written)
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.Website(errors, "website", written));
        Assert.Equal([BadWebsite], errors.ToDictionary()["website"]);
    }

    [Fact]
    public void A_website_longer_than_500_characters_is_refused()
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.Website(errors, "website", "https://exemple.fr/" + new string('a', 490)));
        Assert.Equal([BadWebsite], errors.ToDictionary()["website"]);
    }

    // ---- Lists: one of, many of ----------------------------------------------------------------------------

    public static TheoryData<string> Categories() => [.. MembershipForm.OrganisationCategories];

    public static TheoryData<string> CompanyTypes() => [.. MembershipForm.CompanyTypes];

    [Theory]
    [MemberData(nameof(Categories))]
    public void Each_organisation_category_of_the_seed_is_accepted(string category)
    {
        var errors = new ValidationErrors();

        Assert.Equal(category, FormRules.OneOf(errors, "category", $" {category} ", MembershipForm.OrganisationCategories, "La catégorie d'organisme"));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(CompanyTypes))]
    public void Each_company_type_of_the_seed_is_accepted(string companyType)
    {
        var errors = new ValidationErrors();

        Assert.Equal(companyType, FormRules.OneOf(errors, "companyType", companyType, MembershipForm.CompanyTypes, "Le type d'entreprise"));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("Entreprises")]
    [InlineData("entreprise")]
    [InlineData("Partenaire Emploi")]
    [InlineData("Partenaire soutien")]
    [InlineData("Organisation Professionnelle")]
    public void A_misspelt_category_is_refused_with_the_seeds_values(string written)
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.OneOf(errors, "category", written, MembershipForm.OrganisationCategories, "La catégorie d'organisme"));
        Assert.Equal(
            ["La catégorie d'organisme doit être l'une des valeurs : Entreprise, Partenaire emploi, Partenaire formation, Partenaire Soutien, Organisation professionnelle."],
            errors.ToDictionary()["category"]);
    }

    [Theory]
    [InlineData("Startup")]
    [InlineData("Start-up")]
    [InlineData("TPE : 1-9 salariés")]
    [InlineData("PME")]
    public void A_misspelt_company_type_is_refused(string written)
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.OneOf(errors, "companyType", written, MembershipForm.CompanyTypes, "Le type d'entreprise"));
        Assert.Equal(
            ["Le type d'entreprise doit être l'une des valeurs : N/A, StartUp, TPE : 1-9 personnes, PME : 10-250 personnes, ETI : 251-5000 personnes, Grande entreprise, Organisme public."],
            errors.ToDictionary()["companyType"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_choice_is_no_choice(string? written)
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.OneOf(errors, "category", written, MembershipForm.OrganisationCategories, "La catégorie d'organisme"));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Several_values_come_back_once_each_in_the_seeds_order()
    {
        var errors = new ValidationErrors();

        var chosen = FormRules.ManyOf(errors, "siteDepartements",
            ["Territoire de Belfort (90)", " Alsace : Bas-Rhin (67) ", "Lorraine : Moselle (57)", "Alsace : Bas-Rhin (67)"],
            MembershipForm.Departements, "La localisation des établissements");

        Assert.True(errors.IsEmpty);
        Assert.Equal(["Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)", "Territoire de Belfort (90)"], chosen);
    }

    [Fact]
    public void Every_main_activity_and_departement_of_the_seed_can_be_chosen_at_once()
    {
        var errors = new ValidationErrors();

        Assert.Equal(MembershipForm.MainActivities,
            FormRules.ManyOf(errors, "mainActivities", [.. MembershipForm.MainActivities.Reverse()], MembershipForm.MainActivities, "Les activités principales"));
        Assert.Equal(MembershipForm.Departements,
            FormRules.ManyOf(errors, "interventionDepartements", [.. MembershipForm.Departements], MembershipForm.Departements, "Les zones géographiques d'intervention"));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("ESN - Agence web")]
    [InlineData("Editeur de logiciel, plateforme SaaS")]
    [InlineData("Cabinet de Recrutement")]
    public void A_misspelt_main_activity_is_named_in_the_message(string misspelt)
    {
        var errors = new ValidationErrors();

        FormRules.ManyOf(errors, "mainActivities", ["ESN - Agence Web", misspelt], MembershipForm.MainActivities, "Les activités principales");

        var message = Assert.Single(errors.ToDictionary()["mainActivities"]);
        Assert.StartsWith($"Les activités principales : valeur inconnue « {misspelt} ». Valeurs possibles : Éditeur de logiciel, plateforme SaaS, ESN - Agence Web,", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alsace : Bas-Rhin 67")]
    [InlineData("Champagne-Ardenne : Marne (51)")]
    [InlineData("Vosges (88)")]
    public void A_misspelt_departement_is_refused(string misspelt)
    {
        var errors = new ValidationErrors();

        FormRules.ManyOf(errors, "siteDepartements", [misspelt], MembershipForm.Departements, "La localisation des établissements");

        Assert.StartsWith($"La localisation des établissements : valeur inconnue « {misspelt} ».", Assert.Single(errors.ToDictionary()["siteDepartements"]), StringComparison.Ordinal);
    }

    [Fact]
    public void No_list_is_an_empty_choice()
    {
        var errors = new ValidationErrors();

        Assert.Empty(FormRules.ManyOf(errors, "mainActivities", null, MembershipForm.MainActivities, "Les activités principales"));
        Assert.True(errors.IsEmpty);
    }

    // ---- Headcounts -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(250)]
    [InlineData(1_000_000)]
    public void Headcounts_from_zero_are_accepted(int headcount)
    {
        var errors = new ValidationErrors();

        Assert.Equal(headcount, FormRules.Headcount(errors, "perimeter.alsace", headcount, "L'adhésion pour l'Alsace"));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(1_000_001)]
    public void Negative_or_absurd_headcounts_are_refused(int headcount)
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.Headcount(errors, "perimeter.alsace", headcount, "L'adhésion pour l'Alsace"));
        Assert.Equal(["L'adhésion pour l'Alsace doit être un nombre entre 0 et 1000000."], errors.ToDictionary()["perimeter.alsace"]);
    }

    [Fact]
    public void No_headcount_is_not_an_error_until_submission()
    {
        var errors = new ValidationErrors();

        Assert.Null(FormRules.Headcount(errors, "perimeter.lorraine", null, "L'adhésion pour Lorraine"));
        Assert.True(errors.IsEmpty);
    }

    // ---- « Une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours,
    //       ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€ » --------------------------------------

    [Theory]
    // Age on 1 January 2026 (today is 15 June 2026): under 3 years, exactly 3 years, more.
    [InlineData("2023-01-02", 4, "Moins de 300 K€", "2026-06-15", true)]
    [InlineData("2023-01-01", 4, "Moins de 300 K€", "2026-06-15", false)]
    [InlineData("2022-12-31", 4, "Moins de 300 K€", "2026-06-15", false)]
    // Three years old today, but not yet on 1 January: still a start-up this year.
    [InlineData("2023-03-01", 4, "Moins de 300 K€", "2026-06-15", true)]
    // Created this year.
    [InlineData("2026-03-01", 1, "Moins de 300 K€", "2026-06-15", true)]
    // On 1 January itself the year in course has just begun.
    [InlineData("2023-01-02", 4, "Moins de 300 K€", "2026-01-01", true)]
    [InlineData("2023-01-01", 4, "Moins de 300 K€", "2026-01-01", false)]
    // On 31 December the reference is still 1 January of that year: 2 years and 1 day then, nearly 3 years today.
    [InlineData("2021-12-31", 4, "Moins de 300 K€", "2024-12-31", true)]
    [InlineData("2021-01-02", 4, "Moins de 300 K€", "2024-12-31", true)]
    [InlineData("2021-01-01", 4, "Moins de 300 K€", "2024-12-31", false)]
    // Fewer than 10 staff OR turnover under 300 K€.
    [InlineData("2024-05-01", 9, "300 K€ ou plus", "2026-06-15", true)]
    [InlineData("2024-05-01", 10, "300 K€ ou plus", "2026-06-15", false)]
    [InlineData("2024-05-01", 10, "Moins de 300 K€", "2026-06-15", true)]
    [InlineData("2024-05-01", 45, "Moins de 300 K€", "2026-06-15", true)]
    [InlineData("2024-05-01", 45, "300 K€ ou plus", "2026-06-15", false)]
    [InlineData("2024-05-01", 0, "300 K€ ou plus", "2026-06-15", true)]
    public void A_startup_is_young_on_the_first_of_January_and_small_or_with_a_low_turnover(
        string created, int headcount, string turnover, string today, bool startup) =>
        Assert.Equal(startup, FormRules.IsStartup(DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture), headcount, turnover,
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_turnover_bands_are_either_side_of_the_definitions_threshold()
    {
        Assert.Equal(["Moins de 300 K€", "300 K€ ou plus"], MembershipForm.TurnoverBands);
        Assert.Equal(MembershipForm.TurnoverBelowThreshold, MembershipForm.TurnoverBands[0]);
    }

    // ---- Other texts ----------------------------------------------------------------------------------------

    [Fact]
    public void Texts_are_trimmed_empty_is_none_and_the_length_is_bounded()
    {
        var errors = new ValidationErrors();

        Assert.Equal("Strasbourg", FormRules.Text(errors, "regionalHeadOffice", "  Strasbourg ", "La localisation de la direction régionale"));
        Assert.Null(FormRules.Text(errors, "regionalHeadOffice", "   ", "La localisation de la direction régionale"));
        Assert.True(errors.IsEmpty);

        FormRules.Text(errors, "name", new string('x', 201), "La raison sociale");
        Assert.Equal(["La raison sociale ne doit pas dépasser 200 caractères."], errors.ToDictionary()["name"]);
    }
}
