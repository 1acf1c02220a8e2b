using System.Net;
using System.Text.RegularExpressions;

namespace Site.Tests;

/// <summary>
/// The site's public pages written from seed 000 (the home page, « Pourquoi adhérer », « Comment adhérer »,
/// « Participer à la vie de l'association », the legal notice): each answers an anonymous visitor in French, with
/// one h1, headings in order, the landmarks, links that say where they go, no script, the seed's words and lists,
/// and the layout's navigation reaches every one of them.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class PublicPagesTests(SiteFixture site) : IDisposable
{
    public void Dispose() => site.Stub.Reset();

    private const string Home = "/";
    private const string WhyJoin = "/pourquoi-adherer";
    private const string HowToJoin = "/comment-adherer";
    private const string FeeGrid = "/combien-coute-l-adhesion";
    private const string TakePart = "/participer-a-la-vie-de-l-association";
    private const string LegalNotice = "/mentions-legales";

    public static TheoryData<string, string> Pages => new()
    {
        { Home, "Numéric'Emploi Grand Est" },
        { WhyJoin, "Pourquoi adhérer" },
        { HowToJoin, "Comment adhérer" },
        { TakePart, "Participer à la vie de l'association" },
        { LegalNotice, "Mentions légales" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_answers_an_anonymous_visitor_in_french_with_one_h1_and_headings_in_order(string path, string h1)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.ReadPageAsync();
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains($"<title>{(path == Home ? "Accueil" : h1)} — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        var headings = Headings().Matches(page).Select(match => (Level: int.Parse(match.Groups["level"].Value), Text: Flatten(match.Groups["text"].Value))).ToList();
        Assert.Equal(h1, Assert.Single(headings, heading => heading.Level == 1).Text);
        Assert.Equal(1, headings[0].Level);
        for (var i = 1; i < headings.Count; i++)
        {
            Assert.True(headings[i].Level <= headings[i - 1].Level + 1,
                $"« {headings[i].Text} » (h{headings[i].Level}) follows « {headings[i - 1].Text} » (h{headings[i - 1].Level})");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_has_the_landmarks_links_that_say_where_they_go_and_no_script(string path, string h1)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        var page = await response.ReadPageAsync();
        Assert.Contains("<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>", page, StringComparison.Ordinal);
        Assert.Contains("<header>", page, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"principale\" aria-label=\"Navigation principale\">", page, StringComparison.Ordinal);
        Assert.Contains("<main id=\"contenu\">", page, StringComparison.Ordinal);
        Assert.Contains("<footer>", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{h1}</h1>", MainRegion(page), StringComparison.Ordinal);
        foreach (Match link in Links().Matches(page))
        {
            var text = Flatten(link.Groups["text"].Value);
            Assert.False(string.IsNullOrWhiteSpace(text), $"the link to {link.Groups["href"].Value} has a text");
            Assert.DoesNotContain(text.ToLowerInvariant(), new[] { "ici", "cliquez ici", "en savoir plus", "lien", "plus" });
        }

        // Nothing needs a script: there is none, no handler attribute, and the site's policy forbids them anyway.
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(HandlerAttribute(), page);
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_ambition_and_its_three_buttons_lead_to_the_application_the_directory_and_the_candidates_space()
    {
        using var client = site.CreateClient();

        var page = await (await client.GetAsync(Home)).ReadPageAsync();

        var text = Text(MainRegion(page));
        Assert.Contains("Fédérer les énergies des acteurs régionaux pour soutenir le développement des compétences et la création d'emplois, leviers indispensables au développement économique du secteur numérique régional", text, StringComparison.Ordinal);
        Assert.Contains("Numéric'Emploi Grand Est est une association de droit local reconnue d'intérêt général", text, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"objectifs\">Objectifs</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Combler le déficit de ressources compétentes pour répondre aux besoins de recrutement des entreprises employant des spécialistes du numérique.</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Soutenir les dispositifs d'adaptation et de développement des compétences visant à accompagner les personnes en recherche d'emploi ou en reconversion professionnelle vers un métier du numérique.</li>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"devenir-membre\">Devenir membre de NEGE Collège entreprise usager</h2>", page, StringComparison.Ordinal);

        Assert.Equal("/adhesion", Href(MainRegion(page), "Devenir adhérent"));
        Assert.Equal("/annuaire", Href(MainRegion(page), "Consulter l'annuaire"));
        Assert.Equal("/espace-membre/candidat", Href(MainRegion(page), "Je suis candidat"));
        Assert.Contains("<ul class=\"boutons\" aria-label=\"Accès directs\">", page, StringComparison.Ordinal);

        // The membership application's start answers a visitor; the candidate's space asks them to log in first.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/adhesion")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/espace-membre/candidat")).StatusCode);

        // The seed's four pages of « Devenir membre », in its order.
        Assert.Equal([WhyJoin, HowToJoin, FeeGrid, TakePart],
            Links().Matches(Section(page, "devenir-membre")).Select(link => link.Groups["href"].Value).ToArray());
    }

    [Fact]
    public async Task Why_join_shows_the_ambition_the_purpose_for_digital_companies_and_the_partners_network()
    {
        var page = await (await site.CreateClient().GetAsync(WhyJoin)).ReadPageAsync();

        Assert.Contains("<h2 id=\"ambition\">Ambition et objet de Numéric'Emploi Grand Est (NEGE)</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"finalite\">Finalité pour les entreprises</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"secteur-numerique\">… pour les entreprises du secteur numérique</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"partenaires\">La puissance d'un réseau régional de partenaires pour mener à bien les actions de NEGE</h2>", page, StringComparison.Ordinal);
        foreach (var heading in new[] { "Objectifs", "Publics ciblés", "Champs d'action", "Partenaires « Emploi »", "Partenaires « Soutien »", "Partenaires « Formation »" })
        {
            Assert.Contains($"<h3>{heading}</h3>", page, StringComparison.Ordinal);
        }

        Assert.Equal(
            [
                "Demandeurs d'emploi, notamment les chômeurs de longue durée et les seniors",
                "Jeunes « décrocheurs » du système éducatif traditionnel",
                "Personnes bénéficiaires de l'obligation d'emploi",
                "Personnes éloignées de l'emploi",
                "Personnes en reconversion professionnelle",
            ],
            ListAfter(page, "<h3>Publics ciblés</h3>"));
        var text = Text(MainRegion(page));
        Assert.Contains("Faciliter la mise en relation avec les candidats pouvant répondre à leurs besoins de compétences", text, StringComparison.Ordinal);
        Assert.Contains("En constituant un vivier des candidats employables consultable via un portail Extranet", text, StringComparison.Ordinal);
        Assert.Contains("Afin de pouvoir mener à bien ses actions, l'association a tissé un réseau très important de partenaires au niveau régional :", text, StringComparison.Ordinal);
        Assert.Equal(["Ils élaborent en partenariat avec NEGE les plans d'action pour favoriser l'accès à l'emploi des publics ciblés", "Ils apportent leur soutien logistique et financier"],
            ListAfter(page, "<h3>Partenaires « Soutien »</h3>"));
        Assert.Contains("<li>Ce sont des organismes de formation publics ou privés</li>", page, StringComparison.Ordinal);

        // The page's table of contents leads to its three sections.
        Assert.Equal(["#ambition", "#finalite", "#partenaires"], Links().Matches(Region(page, "<nav class=\"sommaire\"", "</nav>")).Select(link => link.Groups["href"].Value).ToArray());
    }

    [Fact]
    public async Task How_to_join_gives_the_seeds_steps_and_both_parts_and_links_the_application_the_fee_grid_and_the_legal_notice()
    {
        var page = await (await site.CreateClient().GetAsync(HowToJoin)).ReadPageAsync();

        Assert.Contains("<h2 id=\"soumettre\">Soumettre sa demande d'adhésion</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"partie-1\">Demande d'adhésion – partie 1</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"partie-2\">Demande d'adhésion – partie 2</h2>", page, StringComparison.Ordinal);
        foreach (var heading in new[]
                 {
                     "Compte utilisateur", "Coordonnées individuelles", "Lieu de travail habituel", "Notifications de publication d'une actualité",
                     "Identification de l'organisme", "Caractéristiques de l'activité de l'entreprise", "Périmètre d'adhésion", "Clauses d'engagement",
                 })
        {
            Assert.Contains($"<h3>{heading}</h3>", page, StringComparison.Ordinal);
        }

        var steps = Text(Section(page, "soumettre"));
        Assert.Contains("Sur la page d'accueil du site, cliquez sur le bouton Devenir adhérent", steps, StringComparison.Ordinal);
        Assert.Contains("Le formulaire d'adhésion est composé de 2 parties : Informations sur le représentant de l'organisme", steps, StringComparison.Ordinal);
        Assert.Contains("Une fois que vous avez enregistré les 2 parties, un mail est envoyé au Président de l'association qui soumet votre demande au Conseil d'Administration.", steps, StringComparison.Ordinal);
        Assert.Contains("Votre demande sera traitée sous quinze jours.", steps, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"etapes-adhesion\">", page, StringComparison.Ordinal);

        var partOne = Text(Section(page, "partie-1"));
        Assert.Contains("La partie contact « Référent de l'organisme » est constituée de 4 volets.", partOne, StringComparison.Ordinal);
        Assert.Contains("La partie 2 du formulaire s'affiche", partOne, StringComparison.Ordinal);
        Assert.Equal(["Evénement public", "Vie de l'association", "Commission Aide au Recrutement", "Commission Adaptation des Compétences", "Processus & Documentation"],
            ListAfter(page, "<h3>Notifications de publication d'une actualité</h3>"));
        var partTwo = Text(Section(page, "partie-2"));
        Assert.Contains("Après avoir complété les 4 volets, cliquez sur Enregistrer", partTwo, StringComparison.Ordinal);
        Assert.Contains("Votre demande d'adhésion est transmise à l'association.", partTwo, StringComparison.Ordinal);
        Assert.Contains("Si l'entreprise ne souhaite pas bénéficier des actions de l'association sur un territoire, il faut saisir 0 pour le territoire.", partTwo, StringComparison.Ordinal);

        Assert.Equal("/adhesion", Href(Section(page, "soumettre"), "Devenir adhérent"));
        Assert.Equal(FeeGrid, Href(Section(page, "cotisation"), "Combien coûte l'adhésion"));
        Assert.Equal(LegalNotice, Href(Section(page, "partie-1"), "mentions légales"));
    }

    [Fact]
    public async Task Taking_part_shows_the_general_assembly_and_the_aar_and_adc_commissions_their_composition_and_missions()
    {
        var page = await (await site.CreateClient().GetAsync(TakePart)).ReadPageAsync();

        Assert.Contains("<h2 id=\"assemblee-generale\">Assemblée générale</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"commissions\">Commissions opérationnelles</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"aar\">Aide aux Actions de Recrutement (AAR)</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"adc\">Adaptation et Développement des Compétences (ADC)</h3>", page, StringComparison.Ordinal);

        var assembly = Text(Section(page, "assemblee-generale"));
        Assert.Contains("la stratégie et les plans d'actions des commissions de l'association", assembly, StringComparison.Ordinal);
        Assert.Contains("les budgets d'investissement et de fonctionnement", assembly, StringComparison.Ordinal);
        Assert.Contains("Ils disposent d'un nombre de voix en fonction du nombre de leurs collaborateurs pour les territoires du périmètre de leur adhésion", assembly, StringComparison.Ordinal);

        var aar = Section(page, "aar");
        Assert.Contains("Les commissions AAR sont placées sous la responsabilité d'un membre du Conseil d'Administration en charge de l'activité Aide aux Actions de Recrutement.", aar, StringComparison.Ordinal);
        Assert.Equal(
            [
                "de pilotes nommés par l'administrateur du CA, qui se répartissent le pilotage des sessions et groupes de travail",
                "de professionnels d'entreprises (de différentes tailles et type d'activités) et de spécialistes du recrutement des métiers du numérique",
            ],
            ListAfter(aar, "<p>Une commission territoriale est composée :</p>"));
        Assert.Contains("<h4>3 missions principales :</h4>", aar, StringComparison.Ordinal);
        Assert.Equal(
            [
                "Apporter son soutien au sourcing des candidats par les partenaires Emploi",
                "Effectuer la Qualification du niveau d'Employabilité des Candidats dont le dossier est soumis par les partenaires Emploi via le portail Extranet",
                "Assurer le Suivi des Actions de Recrutement concernant les candidats",
            ],
            ListAfter(aar, "<h4>3 missions principales :</h4>"));

        var adc = Section(page, "adc");
        Assert.Contains("Les commissions ADC sont placées sous la responsabilité d'un membre du Conseil d'Administration en charge de l'activité ADC.", adc, StringComparison.Ordinal);
        Assert.Equal(5, ListAfter(adc, "<p>Une commission territoriale est composée :</p>").Count);
        Assert.Contains("<li>de responsables de parcours intégré (professionnel d'entreprises)</li>", adc, StringComparison.Ordinal);
        Assert.Contains("<h4>4 missions principales :</h4>", adc, StringComparison.Ordinal);
        var missions = ListAfter(adc, "<h4>4 missions principales :</h4>");
        Assert.Equal(4, missions.Count);
        Assert.Equal("Collecter et analyser les besoins de recrutement des entreprises et en déduire les profils de compétences nécessaires", missions[0]);
        Assert.Equal("Etudier le profil des candidats vus en commission Aide aux Actions de Recrutement pour leur proposer un Plan Individuel d'Adaptation et de Développement de leurs Compétences", missions[3]);
    }

    [Fact]
    public async Task From_the_home_page_the_navigation_reaches_every_public_page_and_each_page_links_them_all()
    {
        using var client = site.CreateClient();
        site.Stub.Api = request => request.PathAndQuery.StartsWith("/api/directory/", StringComparison.Ordinal)
            ? new StubAnswer(200, new Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Directory.DirectoryEntryView>([], 1, 20, 0))
            : new StubAnswer(404);
        string[] expected = [FeeGrid, WhyJoin, HowToJoin, TakePart, "/annuaire", "/actualites", LegalNotice];

        var home = await (await client.GetAsync(Home)).ReadPageAsync();

        Assert.Equal(expected, NavigationLinks(home));
        Assert.Contains("<a class=\"brand\" href=\"/\">Numéric'Emploi Grand Est</a>", home, StringComparison.Ordinal);
        foreach (var path in expected)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadPageAsync();
            Assert.Equal(expected, NavigationLinks(page));
            Assert.Contains("<a class=\"brand\" href=\"/\">Numéric'Emploi Grand Est</a>", page, StringComparison.Ordinal);
            // The page's own link says it is the current page.
            var current = Assert.Single(CurrentLinks().Matches(page));
            Assert.Equal(path, current.Groups["href"].Value);
        }
    }

    [Fact]
    public async Task The_legal_notice_is_in_every_pages_footer_and_names_the_association()
    {
        using var client = site.CreateClient();

        foreach (var path in new[] { Home, WhyJoin, HowToJoin, TakePart })
        {
            var page = await (await client.GetAsync(path)).ReadPageAsync();
            Assert.Equal(LegalNotice, Href(Region(page, "<footer>", "</footer>"), "Mentions légales"));
        }

        var notice = Text(MainRegion(await (await client.GetAsync(LegalNotice)).ReadPageAsync()));
        Assert.Contains("Numéric'Emploi Grand Est (NEGE) est une association à but non lucratif", notice, StringComparison.Ordinal);
        Assert.Contains("Conditions d'utilisation des données de votre profil utilisateur de l'extranet", notice, StringComparison.Ordinal);
    }

    /// <summary>The header's navigation then the footer's legal notice: the public pages every page links.</summary>
    private static string[] NavigationLinks(string page) =>
        Links().Matches(Region(page, "<nav class=\"principale\"", "</nav>"))
            .Select(link => link.Groups["href"].Value)
            .Concat(Links().Matches(Region(page, "<footer>", "</footer>")).Select(link => link.Groups["href"].Value).Where(href => href == LegalNotice))
            .ToArray();

    /// <summary>The address of the only link of <paramref name="html"/> whose text is <paramref name="text"/>.</summary>
    private static string Href(string html, string text) =>
        Assert.Single(Links().Matches(html), link => Flatten(link.Groups["text"].Value) == text).Groups["href"].Value;

    /// <summary>The items of the first list after <paramref name="marker"/>, each without its nested lists.</summary>
    private static List<string> ListAfter(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has {marker}");
        var list = html.IndexOf("<ul>", start, StringComparison.Ordinal);
        var items = new List<string>();
        var depth = 0;
        foreach (Match tag in ListTags().Matches(html, list + "<ul>".Length))
        {
            var name = tag.Value;
            if (depth == 0 && name == "</ul>")
            {
                break;
            }

            if (name == "<ul>")
            {
                depth++;
            }
            else if (name == "</ul>")
            {
                depth--;
            }
            else if (depth == 0 && name == "<li>")
            {
                // The item's own text: up to its nested list or its end.
                var close = NextOf(html, tag.Index + tag.Length, "<ul>", "</li>");
                items.Add(Flatten(html[(tag.Index + tag.Length)..close]));
            }
        }

        return items;
    }

    private static int NextOf(string html, int from, params string[] markers) =>
        markers.Select(marker => html.IndexOf(marker, from, StringComparison.Ordinal)).Where(index => index >= 0).Min();

    private static string MainRegion(string page) => Region(page, "<main", "</main>");

    /// <summary>The section of the heading whose id is <paramref name="id"/>.</summary>
    private static string Section(string page, string id)
    {
        var heading = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(heading >= 0, $"the page has a heading #{id}");
        var start = page.LastIndexOf("<section", heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"#{id} is in a section");
        // The matching </section>, nested sections included.
        var depth = 0;
        foreach (Match tag in SectionTags().Matches(page, start))
        {
            depth += tag.Value == "</section>" ? -1 : 1;
            if (depth == 0)
            {
                return page[start..(tag.Index + tag.Length)];
            }
        }

        throw new Xunit.Sdk.XunitException($"the section of #{id} is not closed");
    }

    private static string Region(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : page.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"the page has {start}…{end}");
        return page[from..(to + end.Length)];
    }

    /// <summary>Text as a reader hears it: tags removed, white space collapsed.</summary>
    private static string Text(string html) => Spaces().Replace(Tags().Replace(html, " "), " ").Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);

    private static string Flatten(string html) => Text(html).Trim();

    [GeneratedRegex("<h(?<level>[1-6])[^>]*>(?<text>.*?)</h\\k<level>>", RegexOptions.Singleline)]
    private static partial Regex Headings();

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]*)\"[^>]*>(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\" aria-current=\"page\">")]
    private static partial Regex CurrentLinks();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex("</?ul>|<li>")]
    private static partial Regex ListTags();

    [GeneratedRegex("<section\\b|</section>")]
    private static partial Regex SectionTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
