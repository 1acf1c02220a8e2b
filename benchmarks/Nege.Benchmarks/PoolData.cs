using System.Globalization;
using System.Text.Json;
using Nege.Candidates.TalentPool;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Npgsql;
using NpgsqlTypes;

namespace Nege.Benchmarks;

/// <summary>One generated candidate: the dossier's contents and what its talent card adds (the pilot's summary, the availability).</summary>
public sealed record PoolCandidate(
    Guid DossierId, Guid CardId, string Territory, DossierContentView Content, string Summary, DateOnly? AvailableFrom, DateTimeOffset PublishedAt);

/// <summary>
/// The talent pool's stock for the search benchmark: published dossiers and their cards written straight into
/// Candidates' database (two COPYs in one transaction), since taking 20 000 dossiers through the commission one
/// by one would take hours. The cards' columns are computed as <c>TalentCard.Refresh</c> computes them, with the
/// service's own <see cref="FrenchSearchText"/> (its source is compiled into the bench); PostgreSQL generates the
/// tsvectors. Realistic French data, always the same for a given count (a fixed seed).
/// </summary>
public static class PoolData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Digital jobs, in the masculine and the feminine, as pilots and partners write them.</summary>
    public static readonly string[] Jobs =
    [
        "Développeur web", "Développeuse web", "Développeur .NET", "Développeuse .NET", "Développeur Java", "Développeuse Java",
        "Développeur full stack", "Développeuse front-end", "Développeur mobile", "Développeuse PHP", "Développeur Python",
        "Administrateur systèmes et réseaux", "Administratrice systèmes et réseaux", "Administrateur de bases de données",
        "Administratrice cloud", "Administrateur Linux", "Technicien support", "Technicienne support", "Technicien réseaux",
        "Technicienne de maintenance informatique", "Technicien helpdesk", "Technicienne cybersécurité", "Data analyst",
        "Data scientist", "Data engineer", "Analyste de données", "Chef de projet digital", "Chef de projet informatique",
        "Chargée de projet web", "Testeur logiciel", "Testeuse logiciel", "Intégrateur web", "Intégratrice web",
        "Concepteur UX/UI", "Conceptrice UX/UI", "Webdesigner", "Scrum master", "Product owner", "Analyste cybersécurité",
        "Ingénieur DevOps", "Gestionnaire de parc informatique", "Community manager", "Rédactrice web",
        "Consultant fonctionnel ERP", "Assistante informatique", "Opérateur de centre de services",
    ];

    private static readonly (string Kind, string Name)[] Skills =
    [
        .. new[]
        {
            "C#", ".NET", "ASP.NET Core", "Java", "Spring Boot", "Python", "JavaScript", "TypeScript", "React", "Angular", "Vue.js",
            "Node.js", "PHP", "Symfony", "Laravel", "HTML", "CSS", "SQL", "PostgreSQL", "MySQL", "Oracle", "MongoDB", "Linux",
            "Windows Server", "Active Directory", "Azure", "AWS", "Docker", "Kubernetes", "Git", "Jenkins", "GitLab CI",
            "Terraform", "Ansible", "Bash", "PowerShell", "VMware", "Cisco", "TCP/IP", "Réseaux LAN", "Pare-feu", "Wi-Fi",
            "Office 365", "GLPI", "Power BI", "Excel", "Tableau", "R", "Pandas", "Machine learning", "Kotlin", "Swift", "Flutter",
            "WordPress", "Figma", "Photoshop", "SEO", "Google Analytics", "Selenium", "Tests unitaires", "API REST", "GraphQL",
            "Cybersécurité", "SAP", "Salesforce", "Jira", "Supervision", "Sauvegardes",
        }.Select(name => ("Technique", name)),
        .. new[] { "Scrum", "Agile", "Kanban", "Gestion de projet", "UML", "ITIL", "Recette", "Merise" }.Select(name => ("Méthodologique", name)),
        .. new[] { "Support utilisateurs", "Relation client", "Rédaction de documentation", "Analyse des besoins", "Formation des utilisateurs", "RGPD" }
            .Select(name => ("Fonctionnelle", name)),
    ];

    private static readonly string[] Languages = ["Anglais", "Allemand", "Espagnol", "Italien", "Arabe"];

    private static readonly string[] SoftSkills =
    [
        "Rigueur", "Autonomie", "Esprit d'équipe", "Curiosité", "Sens du service", "Adaptabilité", "Communication", "Organisation",
        "Persévérance", "Pédagogie", "Esprit d'analyse", "Gestion du stress",
    ];

    private static readonly string[] FirstNames =
    [
        "Élodie", "Karim", "Sophie", "Thomas", "Nadia", "Julien", "Camille", "Mehdi", "Léa", "Nicolas", "Inès", "Maxime", "Chloé",
        "Yassine", "Manon", "Hugo", "Sarah", "Antoine", "Fatima", "Lucas", "Émilie", "Romain", "Amina", "Kévin", "Laura", "Jérôme",
        "Océane", "Sébastien", "Aurélie", "Mamadou", "Justine", "Florian", "Hélène", "Bilal", "Pauline", "Cédric", "Marion", "Théo",
        "Zoé", "Rachid",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Muller", "Schmitt", "Meyer", "Klein", "Weber", "Fischer", "Roux", "Petit", "Durand", "Lambert",
        "Haddad", "Benali", "Nguyen", "Lefèvre", "Moreau", "Girard", "Keller", "Wagner",
    ];

    private static readonly Dictionary<string, (string Departement, string PostalCode, string City)[]> Places = new(StringComparer.Ordinal)
    {
        [CandidateForm.Alsace] =
        [
            ("Alsace : Bas-Rhin (67)", "67000", "Strasbourg"), ("Alsace : Bas-Rhin (67)", "67500", "Haguenau"),
            ("Alsace : Haut-Rhin (68)", "68100", "Mulhouse"), ("Alsace : Haut-Rhin (68)", "68000", "Colmar"),
            ("Territoire de Belfort (90)", "90000", "Belfort"),
        ],
        [CandidateForm.Lorraine] =
        [
            ("Lorraine : Meurthe-et-Moselle (54)", "54000", "Nancy"), ("Lorraine : Meuse (55)", "55100", "Verdun"),
            ("Lorraine : Moselle (57)", "57000", "Metz"), ("Lorraine : Moselle (57)", "57100", "Thionville"),
            ("Lorraine : Vosges (88)", "88000", "Épinal"),
        ],
        [CandidateForm.ChampagneArdenne] =
        [
            ("Champagne Ardennes : Ardennes (08)", "08000", "Charleville-Mézières"), ("Champagne Ardennes : Aube (10)", "10000", "Troyes"),
            ("Champagne Ardennes : Marne (51)", "51100", "Reims"), ("Champagne Ardennes : Marne (51)", "51000", "Châlons-en-Champagne"),
            ("Champagne Ardennes : Haute-Marne (52)", "52000", "Chaumont"),
        ],
    };

    private static readonly string[] Sectors =
    [
        "la logistique", "la grande distribution", "la restauration", "l'industrie automobile", "le bâtiment", "la banque",
        "l'hôtellerie", "le commerce", "l'enseignement", "la santé", "les transports", "l'agriculture",
    ];

    private static readonly string[] Openings =
    [
        "{years} ans dans {sector} avant une reconversion dans le numérique.",
        "Parcours de {years} ans dans {sector}, puis une formation intensive au métier de {job}.",
        "Titre professionnel obtenu en {year} après une formation de {months} mois en centre agréé.",
        "Expérience de {years} ans en support informatique auprès d'utilisateurs nombreux et exigeants.",
        "Autodidacte en informatique, certification obtenue après une formation financée par France Travail.",
        "Reconversion réussie après {years} ans dans {sector}, avec un stage validé en entreprise.",
        "Formation de {months} mois en alternance dans une ESN de la région, conclue par un titre de niveau {level}.",
    ];

    private static readonly string[] Middles =
    [
        "Projets réalisés avec {skill1} et {skill2}, présentés devant un jury professionnel.",
        "Bonne maîtrise de {skill1}, des bases solides en {skill2}.",
        "Stage de fin de formation sur {skill1} : maintenance d'une application métier et correction d'anomalies.",
        "A participé à la migration de postes et de serveurs, documentée pour l'équipe ({skill1}, {skill2}).",
        "Mise en place d'un tableau de bord de suivi pour une PME avec {skill1}.",
        "Habitude du travail en équipe agile, revues de code et tests automatisés en {skill1}.",
        "Administration quotidienne d'un parc de postes et traitement des tickets de niveau 1 et 2 ({skill1}).",
        "Développement d'un site vitrine et d'une API pour une association locale en {skill1} et {skill2}.",
    ];

    private static readonly string[] Closings =
    [
        "Recherche un poste de {job} en {contract}.",
        "Souhaite rejoindre une équipe technique où continuer à progresser.",
        "Disponible pour des entretiens et des mises en situation.",
        "Intérêt marqué pour la sécurité des systèmes et la qualité du service rendu.",
        "Goût pour la pédagogie et l'accompagnement des utilisateurs.",
    ];

    /// <summary>The <paramref name="count"/> candidates, the same every run.</summary>
    public static List<PoolCandidate> Generate(int count, DateTimeOffset now)
    {
        var random = new Random(2026_12_01);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var candidates = new List<PoolCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var territory = CandidateForm.Territories[random.Next(CandidateForm.Territories.Count)];
            var places = Places[territory];
            var home = places[random.Next(places.Length)];
            string[] departements = [.. places.Select(p => p.Departement).Distinct().OrderBy(_ => random.Next())
                .Take(1 + random.Next(3)).Prepend(home.Departement).Distinct()];
            string[] jobs = [.. Enumerable.Range(0, random.Next(10) < 7 ? 1 : 2).Select(_ => Jobs[random.Next(Jobs.Length)]).Distinct()];
            var skills = Skills.OrderBy(_ => random.Next()).Take(3 + random.Next(6))
                .Select(s => new SkillView(s.Kind, s.Name, CandidateForm.SkillLevels[random.Next(CandidateForm.SkillLevels.Count)])).ToList();
            if (random.Next(3) > 0)
            {
                skills.Add(new SkillView(CandidateForm.LanguageSkill, Languages[random.Next(random.Next(2) == 0 ? 1 : Languages.Length)],
                    CandidateForm.LanguageLevels[random.Next(CandidateForm.LanguageLevels.Count)]));
            }

            string[] softSkills = [.. SoftSkills.OrderBy(_ => random.Next()).Take(1 + random.Next(3))];
            var level = CandidateForm.QualificationLevels[Weighted(random, [6, 10, 22, 26, 20, 12, 4])];
            string[] contracts = [.. CandidateForm.ContractTypes.Where((_, k) => random.Next(100) < new[] { 70, 35, 20, 25, 8, 6 }[k])];
            if (contracts.Length == 0)
            {
                contracts = ["CDI"];
            }

            var years = random.Next(10) < 2 ? (int?)null : random.Next(26);
            var firstName = FirstNames[random.Next(FirstNames.Length)];
            var lastName = LastNames[random.Next(LastNames.Length)] + "-" + Letters(i);
            var published = now.AddMinutes(-random.Next(365 * 24 * 60));
            DateOnly? availableFrom = random.Next(10) < 6 ? null : today.AddDays(1 + random.Next(180));
            var summary = Summary(random, jobs[0], skills, contracts[0], years ?? 2, level);
            var content = new DossierContentView(
                new IdentificationView(firstName, lastName, null, new PostalAddressView($"{1 + random.Next(120)} rue des Tanneurs", null, home.PostalCode, home.City),
                    $"vivier-{i}@bench.example", "+33612345678", new DateOnly(1965 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28))),
                new SearchContextView(CandidateForm.AgeBands[random.Next(CandidateForm.AgeBands.Count)], null, [CandidateForm.Reconversion]),
                new ProfileView(skills, softSkills, level, null, years, "Expérience décrite par le partenaire."),
                new ProjectView(jobs, [CandidateForm.CompanyTypes[1 + random.Next(CandidateForm.CompanyTypes.Count - 1)]], contracts,
                    random.Next(3) == 0 ? null : 2_400_000 + random.Next(30) * 100_000,
                    new MobilityView(departements, random.Next(4) == 0 ? null : 10 * (1 + random.Next(8))), null),
                new ConsentView(CandidateNotices.CurrentDataUseVersion, false, published.AddDays(-30)) { TalentPool = true });
            candidates.Add(new PoolCandidate(Guid.CreateVersion7(published.AddDays(-30)), Guid.NewGuid(), territory, content, summary, availableFrom, published));
        }

        return candidates;
    }

    /// <summary>Writes the dossiers (status Published) and their cards in one transaction, then VACUUM (ANALYZE).</summary>
    public static async Task SeedAsync(string candidatesDatabase, IReadOnlyList<PoolCandidate> candidates)
    {
        await using var connection = new NpgsqlConnection(candidatesDatabase);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var dossiers = await connection.BeginBinaryImportAsync(
                "COPY dossiers (id, status, status_since, territory, content, email_key, name_key, has_health_data, submitted_at, updated_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var c in candidates)
                {
                    var identification = c.Content.Identification;
                    await dossiers.StartRowAsync();
                    await dossiers.WriteAsync(c.DossierId, NpgsqlDbType.Uuid);
                    await dossiers.WriteAsync("Published", NpgsqlDbType.Varchar);
                    await dossiers.WriteAsync(c.PublishedAt, NpgsqlDbType.TimestampTz);
                    await dossiers.WriteAsync(c.Territory, NpgsqlDbType.Varchar);
                    await dossiers.WriteAsync(JsonSerializer.Serialize(c.Content, Json), NpgsqlDbType.Jsonb);
                    await dossiers.WriteAsync(identification.Email.ToLowerInvariant(), NpgsqlDbType.Varchar);
                    // DossierRules.NameKey: letters only, lower case, no accents.
                    await dossiers.WriteAsync(
                        $"{LettersOf(identification.LastName)}|{LettersOf(identification.FirstName)}|{identification.BirthDate:yyyy-MM-dd}", NpgsqlDbType.Varchar);
                    await dossiers.WriteAsync(false, NpgsqlDbType.Boolean);
                    await dossiers.WriteAsync(c.PublishedAt.AddDays(-30), NpgsqlDbType.TimestampTz);
                    await dossiers.WriteAsync(c.PublishedAt, NpgsqlDbType.TimestampTz);
                }

                await dossiers.CompleteAsync();
            }

            await using (var cards = await connection.BeginBinaryImportAsync(
                """
                COPY talent_cards (id, dossier_id, status, first_name, target_jobs, skills, soft_skills, summary, experience_years,
                    qualification_level, qualification_rank, territory, departements, maximum_distance_km, contract_types, available_from,
                    published_at, updated_at, skill_keys, jobs_text, skills_text, summary_text) FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var c in candidates)
                {
                    // As TalentCard.Refresh computes them.
                    var profile = c.Content.Profile;
                    var project = c.Content.Project;
                    await cards.StartRowAsync();
                    await cards.WriteAsync(c.CardId, NpgsqlDbType.Uuid);
                    await cards.WriteAsync(c.DossierId, NpgsqlDbType.Uuid);
                    await cards.WriteAsync("Published", NpgsqlDbType.Varchar);
                    await cards.WriteAsync(c.Content.Identification.FirstName, NpgsqlDbType.Varchar);
                    await cards.WriteAsync(project.TargetJobs.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await cards.WriteAsync(JsonSerializer.Serialize(profile.Skills.ToList(), Json), NpgsqlDbType.Jsonb);
                    await cards.WriteAsync(profile.SoftSkills.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await cards.WriteAsync(c.Summary, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(cards, profile.ExperienceYears, NpgsqlDbType.Integer);
                    await cards.WriteAsync(profile.QualificationLevel, NpgsqlDbType.Varchar);
                    await cards.WriteAsync(Math.Max(0, CandidateForm.QualificationLevels.ToList().IndexOf(profile.QualificationLevel)), NpgsqlDbType.Integer);
                    await cards.WriteAsync(c.Territory, NpgsqlDbType.Varchar);
                    await cards.WriteAsync(project.Mobility.Departements.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await WriteNullableAsync(cards, project.Mobility.MaximumDistanceKm, NpgsqlDbType.Integer);
                    await cards.WriteAsync(project.ContractTypes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await WriteNullableAsync(cards, c.AvailableFrom, NpgsqlDbType.Date);
                    await cards.WriteAsync(c.PublishedAt, NpgsqlDbType.TimestampTz);
                    await cards.WriteAsync(c.PublishedAt, NpgsqlDbType.TimestampTz);
                    await cards.WriteAsync(profile.Skills.Select(s => FrenchSearchText.Key(s.Name)).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await cards.WriteAsync(FrenchSearchText.ForIndex(string.Join(" ; ", project.TargetJobs)), NpgsqlDbType.Text);
                    await cards.WriteAsync(string.Join(" ; ", profile.Skills.Select(s => s.Name).Concat(profile.SoftSkills)), NpgsqlDbType.Text);
                    await cards.WriteAsync(FrenchSearchText.ForIndex(c.Summary), NpgsqlDbType.Text);
                }

                await cards.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        // VACUUM as well as ANALYZE: the state autovacuum reaches within a minute or two of such an insert (its visibility
        // map lets index-only scans skip the heap), reached at once so that the figures do not depend on when it runs.
        foreach (var table in new[] { "dossiers", "talent_cards" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    /// <summary>How many cards are in the pool, and the database's size on disk of the table with its indexes and TOAST.</summary>
    public static async Task<(long Cards, long Bytes)> PoolSizeAsync(string candidatesDatabase)
    {
        await using var connection = new NpgsqlConnection(candidatesDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM talent_cards WHERE status IN ('Published', 'InRecruitment')), pg_total_relation_size('talent_cards')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static string Summary(Random random, string job, List<SkillView> skills, string contract, int years, string level)
    {
        string Fill(string phrase) => phrase
            .Replace("{years}", Math.Max(2, years).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{sector}", Sectors[random.Next(Sectors.Length)], StringComparison.Ordinal)
            .Replace("{job}", job.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{year}", (2020 + random.Next(7)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{months}", (6 + random.Next(13)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{level}", level.StartsWith("Niveau ", StringComparison.Ordinal) ? level[7..8] : "4", StringComparison.Ordinal)
            .Replace("{skill1}", skills[0].Name, StringComparison.Ordinal)
            .Replace("{skill2}", skills[1].Name, StringComparison.Ordinal)
            .Replace("{contract}", contract, StringComparison.Ordinal);

        List<string> sentences = [Fill(Openings[random.Next(Openings.Length)]), Fill(Middles[random.Next(Middles.Length)])];
        if (random.Next(3) > 0)
        {
            sentences.Add(Fill(Closings[random.Next(Closings.Length)]));
        }

        return string.Join(' ', sentences);
    }

    private static int Weighted(Random random, int[] weights)
    {
        var draw = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((draw -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A unique suffix in letters, so that no two generated people share a name.</summary>
    private static string Letters(int number)
    {
        var letters = new char[4];
        for (int i = letters.Length - 1, n = number; i >= 0; i--, n /= 26)
        {
            letters[i] = (char)('a' + n % 26);
        }

        return new string(letters);
    }

    private static string LettersOf(string name) => new([.. FrenchSearchText.Key(name).Where(char.IsLetter)]);

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type);
        }
        else
        {
            await importer.WriteNullAsync();
        }
    }
}
