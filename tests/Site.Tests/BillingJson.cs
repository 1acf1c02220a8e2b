using Nege.ServiceDefaults.Data;

namespace Site.Tests;

/// <summary>Billing's answers as its API writes them (web JSON of <c>Nege.Contracts.Api.Billing</c>), with the seed's 2019 grid.</summary>
internal static class BillingJson
{
    /// <summary>The year the site works in (Paris time), as its pages compute it.</summary>
    public static int ThisYear => TimeProvider.System.TodayInParis().Year;

    private static object Band(int from, int? to, string label, long standardEuros, long affiliatedEuros) =>
        new { from, to, label, standardCents = standardEuros * 100, affiliatedCents = affiliatedEuros * 100 };

    /// <summary>« Grille de cotisation 2019 » of seed 000 (« Combien coute l'adhésion »).</summary>
    public static object SeedGrid(int year = 2019) => new
    {
        year,
        inUse = true,
        digitalSector = new
        {
            title = "Organismes du secteur numérique",
            headcountHeading = "Nombre de salariés sur la région (1)",
            bands = new[]
            {
                Band(0, 9, "< 10", 192, 96), Band(10, 24, "10 à 24", 384, 192), Band(25, 50, "25 à 50", 672, 336),
                Band(51, 100, "51 à 100", 1152, 576), Band(101, 250, "De 101 à 250", 1824, 912), Band(251, 500, "De 251 à 500", 3300, 1650),
                Band(501, 1000, "501 à 1000", 6000, 3000), Band(1001, null, "Plus de 1000", 12000, 6000),
            },
        },
        otherSectors = new
        {
            title = "Organismes hors secteur numérique",
            headcountHeading = "Nombre de salariés exerçant un métier du numérique sur la région (5)",
            bands = new[]
            {
                Band(0, 9, "< 10", 384, 192), Band(10, 24, "10 à 24", 768, 384), Band(25, 50, "25 à 50", 1344, 672),
                Band(51, 100, "51 à 100", 2304, 1152), Band(101, 250, "De 101 à 250", 3648, 1824), Band(251, 500, "De 251 à 500", 6600, 3300),
                Band(501, 1000, "501 à 1000", 12000, 6000), Band(1001, null, "Plus de 1000", 24000, 12000),
            },
        },
        startup = new { standardCents = 12000, affiliatedCents = 6000, affiliatedWithStartupPackCents = 0 },
        footnotes = new[]
        {
            "(1) Selon le nombre total de salariés dans les territoires (Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de l'association",
            "(2) organisme adhérent à une des structures membres du collège Organisation professionnelle de l'association",
            "(3) une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€",
            "(4) si la startup a souscrit le pack Startup de Syntec numérique",
            "(5) Selon le nombre total de salariés exerçant un métier du numérique dans les territoires (Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de l'association",
        },
    };

    /// <summary>The quote of the contracts' example: a digital company of 26 staff, not affiliated.</summary>
    public static object Quote(int year = 2026, long amountCents = 67200, string basis = "grid",
        string explanation = "Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €",
        (string Label, string Value)[]? lines = null) => new
    {
        year,
        gridYear = 2019,
        basis,
        amountCents,
        amount = Nege.Contracts.Billing.Money.Format(amountCents),
        band = basis == "grid" ? "25 à 50" : null,
        explanation,
        lines = (lines ?? [("Alsace", "12 salariés"), ("Champagne-Ardenne", "14 salariés"), ("Tranche", "25 à 50"), ("Cotisation annuelle standard", "672 €")])
            .Select(line => new { label = line.Label, value = line.Value }).ToArray(),
    };

    public static object CreditNote(Guid id, string number = "AV-2026-0001", long amountCents = 67200, string reason = "Appel émis par erreur : doublon.") =>
        new { id, number, amountCents, reason, issuedOn = "2026-02-10" };

    public static object Call(Guid id, string number = "2026-0001", string organisation = "Numérique & Co", string status = "issued",
        string statusLabel = "Émis", long amountCents = 67200, long paidCents = 0, object? creditNote = null, string category = "Entreprise",
        object[]? payments = null, object? receipt = null) => new
    {
        id,
        number,
        year = 2026,
        organisationId = Guid.Parse("0193a0b1-0000-7000-8000-00000000000a"),
        organisationName = organisation,
        category,
        territories = new[] { "Alsace", "Champagne-Ardenne" },
        reason = "renewal",
        status,
        statusLabel,
        amountCents,
        paidCents,
        outstandingCents = status == "cancelled" ? 0 : amountCents - paidCents,
        issuedOn = "2026-01-15",
        dueOn = "2026-03-31",
        computation = Quote(),
        creditNote,
        payments = payments ?? [],
        receipt,
    };

    public static object Payment(long amountCents, string method = "cheque", string methodLabel = "Chèque", string? reference = "Chèque 0001") =>
        new { id = Guid.NewGuid(), amountCents, paidOn = "2026-02-10", method, methodLabel, reference, recordedBy = "Théo Trésorier", recordedAt = "2026-02-11T09:00:00Z" };

    public static object CallPage(object[] items, int page = 1, int total = 2, long calledCents = 134400, long paidCents = 20000, long outstandingCents = 114400) =>
        new { items, page, pageSize = 20, total, calledCents, paidCents, outstandingCents };

    /// <summary>« Effectifs du périmètre » of the contracts' example: 26 staff on the perimeter, renewal 2027 on 1 January.</summary>
    public static object Perimeter(int alsace = 12, int champagneArdenne = 14, int lorraine = 0, bool campaignOpen = true,
        string? declaredAt = null, string? declaredBy = null) => new
    {
        organisationId = Guid.Parse("0193a0b1-0000-7000-8000-00000000000a"),
        organisationName = "Numérique & Co",
        category = "Entreprise",
        alsace,
        champagneArdenne,
        lorraine,
        nextCallYear = 2027,
        nextCallOn = "2027-01-01",
        campaignOpensOn = "2026-12-01",
        campaignOpen,
        declaredAt,
        declaredBy,
        estimate = Quote(2027),
    };

    public static object ValidationProblem(Dictionary<string, string[]> errors) =>
        new { title = "One or more validation errors occurred.", status = 400, errors };
}
