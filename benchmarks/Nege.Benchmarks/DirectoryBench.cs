using Nege.Contracts.Membership;
using Npgsql;
using NpgsqlTypes;

namespace Nege.Benchmarks;

/// <summary>
/// The public directory's benchmark: member organisations written straight into Directory's database (the events that
/// build each would take the whole run), then a visitors' mix of searches through the gateway, without a token.
/// </summary>
public static class DirectoryBench
{
    public const string Route = "/api/directory/organisations";

    private static readonly string[] Words =
        ["numérique", "conseil", "développement", "logiciel", "données", "cybersécurité", "cloud", "formation", "réseaux", "intégration",
         "web", "mobile", "infogérance", "recrutement", "transformation", "industrie", "santé", "énergie", "éditeur", "agence"];

    private static readonly string[] Names =
        ["Numéric", "Octet", "Pixel", "Réseau", "Logic", "Data", "Nuage", "Code", "Forêt", "Étoile", "Alsace", "Lorraine", "Champagne", "Vosges", "Rhin"];

    private static readonly string[] Suffixes = ["Conseil", "Solutions", "Services", "Ingénierie", "Systèmes", "Technologies", "Studio", "Lab", "Informatique", "Digital"];

    /// <summary>Visitors' searches: a word's start without accents, two words, a filter, a page further, no words at all.</summary>
    public static IReadOnlyList<PoolQuery> Queries() =>
    [
        new("q=numer", "q=numer"),
        new("q=developpement web", "q=developpement%20web"),
        new("q=cyber", "q=cyber"),
        new("q=conseil, departement=Moselle", "q=conseil&departement=" + Uri.EscapeDataString("Lorraine : Moselle (57)")),
        new("q=logiciel, page 2", "q=logiciel&page=2"),
        new("q=foret", "q=foret"),
        new("category=Entreprise, companyType=PME", "category=Entreprise&companyType=" + Uri.EscapeDataString("PME : 10-250 personnes")),
        new("activity=ESN - Agence Web", "activity=" + Uri.EscapeDataString("ESN - Agence Web")),
        new("no words, page 5", "page=5"),
        new("q=donnees cloud", "q=donnees%20cloud"),
    ];

    public static async Task SeedAsync(string directoryDatabase, int count)
    {
        var random = new Random(12);
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(directoryDatabase);
        await connection.OpenAsync();
        await using (var import = await connection.BeginBinaryImportAsync(
                         "COPY organisations (id, name, category, regional_head_office, company_type, presentation_html, presentation_text, website, main_activities, "
                         + "activities_text, site_departements, intervention_departements, hr_contact_name, hr_contact_email, card_changed_at, member_since) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var name = $"{Names[random.Next(Names.Length)]} {Suffixes[random.Next(Suffixes.Length)]} {i}";
                var presentation = string.Join(' ', Enumerable.Range(0, 25).Select(_ => Words[random.Next(Words.Length)])) + ".";
                var activities = MembershipForm.MainActivities.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
                var sites = MembershipForm.Departements.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
                var zones = MembershipForm.Departements.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
                await import.StartRowAsync();
                await import.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await import.WriteAsync(name, NpgsqlDbType.Varchar);
                await import.WriteAsync(random.Next(10) < 8 ? "Entreprise" : MembershipForm.OrganisationCategories[random.Next(1, MembershipForm.OrganisationCategories.Count)], NpgsqlDbType.Varchar);
                await import.WriteAsync(sites[0], NpgsqlDbType.Varchar);
                await import.WriteAsync(MembershipForm.CompanyTypes[random.Next(MembershipForm.CompanyTypes.Count)], NpgsqlDbType.Varchar);
                await import.WriteAsync($"<p>{presentation}</p>", NpgsqlDbType.Text);
                await import.WriteAsync(presentation, NpgsqlDbType.Text);
                await import.WriteAsync($"https://organisme-{i}.example/", NpgsqlDbType.Varchar);
                await import.WriteAsync(activities, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(string.Join(" ; ", activities), NpgsqlDbType.Text);
                await import.WriteAsync(sites, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(zones, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync("Responsable RH", NpgsqlDbType.Varchar);
                await import.WriteAsync($"rh-{i}@organisme.example", NpgsqlDbType.Varchar);
                await import.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(now.AddDays(-random.Next(1, 2000)), NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync();
        }

        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) organisations", connection);
        await vacuum.ExecuteNonQueryAsync();
    }
}
