using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// The public site built from seed 000 (« Devenir membre de NEGE Collège entreprise usager »), in a browser, through the
/// gateway, as an anonymous visitor who goes from the home page by its links and buttons: the home page (the
/// association's ambition, « Devenir adhérent », « Consulter l'annuaire », « Je suis candidat »), « Pourquoi adhérer »,
/// « Comment adhérer », « Combien coûte l'adhésion » (Billing's grid, figure for figure the seed's 2019 grid, and its
/// simulator), « Participer à la vie de l'association », the legal notice, the news and the partners' directory. Every
/// page is French (<c>lang="fr"</c>, a French title), has one h1 inside its main landmark, a skip link that shows when
/// focused, an alternative text on every image and an accessible name on every field, link and button; and every one
/// of them, its links and its forms (the fee simulator, the news filter, the directory's search) work without JavaScript.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PublicSiteBrowserTests(RunningSystem system) : BrowserTest
{
    /// <summary>Directory learns of a member from <c>MembershipApproved</c> and <c>OrganisationCardChanged</c>, through the broker.</summary>
    private static readonly TimeSpan DirectoryTimeout = TimeSpan.FromSeconds(60);

    private const string SiteName = "Numéric'Emploi Grand Est";

    private const string Ambition =
        "Fédérer les énergies des acteurs régionaux pour soutenir le développement des compétences et la création d'emplois, leviers indispensables au développement économique du secteur numérique régional.";

    private const string LegalStatus = "Numéric'Emploi Grand Est est une association de droit local reconnue d'intérêt général.";

    private static readonly string[] Objectives =
    [
        "Combler le déficit de ressources compétentes pour répondre aux besoins de recrutement des entreprises employant des spécialistes du numérique.",
        "Aider les personnes en recherche d'emploi à trouver un poste dans un métier du numérique.",
        "Soutenir les dispositifs d'adaptation et de développement des compétences visant à accompagner les personnes en recherche d'emploi ou en reconversion professionnelle vers un métier du numérique.",
    ];

    [Fact]
    public async Task The_home_page_states_the_ambition_and_its_three_buttons_lead_to_membership_the_directory_and_the_candidates_space()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await AssertPublicPageAsync(page, SiteName, "Accueil");

        await Assertions.Expect(page.Locator("main .accroche")).ToHaveTextAsync(Ambition);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(LegalStatus);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Objectifs", Exact = true }).GetByRole(AriaRole.Listitem)).ToHaveTextAsync(Objectives);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Devenir membre de NEGE Collège entreprise usager", Exact = true }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Pourquoi adhérer", "Comment adhérer", "Combien coûte l'adhésion", "Participer à la vie de l'association"]);

        var buttons = page.GetByRole(AriaRole.List, new() { Name = "Accès directs", Exact = true }).GetByRole(AriaRole.Link);
        await Assertions.Expect(buttons).ToHaveTextAsync(["Devenir adhérent", "Consulter l'annuaire", "Je suis candidat"]);

        await ClickButtonAsync(page, "Devenir adhérent");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/adhesion$"));
        await AssertPublicPageAsync(page, "Devenir adhérent", "Devenir adhérent");

        await page.GoBackAsync();
        await ClickButtonAsync(page, "Consulter l'annuaire");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/annuaire$"));
        await AssertPublicPageAsync(page, "Annuaire des entreprises", "Annuaire des entreprises");

        // A candidate's space is theirs: an anonymous visitor is asked to log in first.
        await page.GoBackAsync();
        await ClickButtonAsync(page, "Je suis candidat");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion à l'extranet", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Adresse de courriel ou nom d'utilisateur")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compte/connexion\\?"));
    }

    [Fact]
    public async Task Pourquoi_adherer_gives_the_seeds_ambition_aims_and_partners_and_leads_to_the_partners_directory()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await Rubrique(page, "Pourquoi adhérer").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pourquoi-adherer$"));
        await AssertPublicPageAsync(page, "Pourquoi adhérer", "Pourquoi adhérer");

        // The seed's three parts, in its order, each reachable from the page's summary.
        string[] parts =
        [
            "Ambition et objet de Numéric'Emploi Grand Est (NEGE)",
            "Finalité pour les entreprises",
            "La puissance d'un réseau régional de partenaires pour mener à bien les actions de NEGE",
        ];
        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync(parts);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sommaire de la page" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(parts);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sommaire de la page" }).GetByRole(AriaRole.Link, new() { Name = "Finalité pour les entreprises" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pourquoi-adherer#finalite$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Finalité pour les entreprises" })).ToBeInViewportAsync();

        var ambition = page.GetByRole(AriaRole.Region, new() { Name = parts[0], Exact = true });
        await Assertions.Expect(ambition.Locator(".accroche")).ToHaveTextAsync(Ambition);
        await Assertions.Expect(ambition).ToContainTextAsync(LegalStatus);
        await Assertions.Expect(ListAfter(ambition, "h3", "Objectifs")).ToHaveTextAsync(Objectives);
        await Assertions.Expect(ListAfter(ambition, "h3", "Publics ciblés")).ToHaveTextAsync(
        [
            "Demandeurs d'emploi, notamment les chômeurs de longue durée et les seniors",
            "Jeunes « décrocheurs » du système éducatif traditionnel",
            "Personnes bénéficiaires de l'obligation d'emploi",
            "Personnes éloignées de l'emploi",
            "Personnes en reconversion professionnelle",
        ]);
        await Assertions.Expect(ListAfter(ambition, "h3", "Champs d'action")).ToHaveTextAsync(["Région Grand Est - Territoires : Alsace, Lorraine, Champagne-Ardenne"]);

        var purpose = page.GetByRole(AriaRole.Region, new() { Name = parts[1], Exact = true });
        await Assertions.Expect(purpose.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("… pour les entreprises du secteur numérique");
        await Assertions.Expect(purpose.Locator("strong")).ToHaveTextAsync("Faciliter la mise en relation avec les candidats pouvant répondre à leurs besoins de compétences");
        await Assertions.Expect(purpose.Locator("li li")).ToHaveTextAsync(
        [
            "En collectant des dossiers de candidats potentiels auprès des structures accompagnant les personnes en recherche d'emploi ou en reconversion professionnelle",
            "En analysant les dossiers de candidature avec un groupe de recruteurs expérimentés travaillant dans des entreprises représentatives du secteur numérique régional",
            "En constituant un vivier des candidats employables consultable via un portail Extranet",
            "En organisant des sessions de formation préalable au recrutement de candidats sélectionnés par les entreprises notamment via le vivier des dossiers qualifiés constitué par l'association",
        ]);

        var partners = page.GetByRole(AriaRole.Region, new() { Name = parts[2], Exact = true });
        await Assertions.Expect(partners).ToContainTextAsync("Afin de pouvoir mener à bien ses actions, l'association a tissé un réseau très important de partenaires au niveau régional :");
        await Assertions.Expect(partners.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(["Partenaires « Emploi »", "Partenaires « Soutien »", "Partenaires « Formation »"]);
        await Assertions.Expect(ListAfter(partners, "h3", "Partenaires « Emploi »")).ToHaveTextAsync(
        [
            "Ils accompagnent les publics dont ils ont la responsabilité vers l'emploi.",
            "Ils détectent les profils correspondant aux actions menées par NEGE, soumettent les dossiers de candidatures, suivent leur traitement et assure le lien entre le candidat et les responsables des actions NEGE",
        ]);
        await Assertions.Expect(ListAfter(partners, "h3", "Partenaires « Soutien »")).ToHaveTextAsync(
            ["Ils élaborent en partenariat avec NEGE les plans d'action pour favoriser l'accès à l'emploi des publics ciblés", "Ils apportent leur soutien logistique et financier"]);
        await Assertions.Expect(ListAfter(partners, "h3", "Partenaires « Formation »")).ToHaveTextAsync(
        [
            "Ce sont des organismes de formation publics ou privés",
            "Ils collaborent avec NEGE pour réaliser l'ingénierie de formation des actions organisées par NEGE",
            "Ils animent les formations référencées au catalogue de NEGE pour adapter les compétences des candidats aux besoins de recrutement des entreprises régionales du secteur numérique",
        ]);

        // The seed's « Consulter l'annuaire de nos partenaires ».
        await partners.GetByRole(AriaRole.Link, new() { Name = "Consulter l'annuaire de nos partenaires", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/annuaire/partenaires$"));
        await AssertPublicPageAsync(page, "Annuaire de nos partenaires", "Annuaire de nos partenaires");
    }

    [Fact]
    public async Task Comment_adherer_explains_the_two_parts_of_the_application_and_its_consent_leads_to_the_legal_notice()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await Rubrique(page, "Comment adhérer").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/comment-adherer$"));
        await AssertPublicPageAsync(page, "Comment adhérer", "Comment adhérer");

        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync(
            ["Soumettre sa demande d'adhésion", "Demande d'adhésion – partie 1", "Demande d'adhésion – partie 2", "Combien coûte l'adhésion"]);

        var submit = page.GetByRole(AriaRole.Region, new() { Name = "Soumettre sa demande d'adhésion", Exact = true });
        var steps = submit.Locator("ol > li");
        await Assertions.Expect(steps).ToHaveCountAsync(4);
        await Assertions.Expect(steps.Nth(0)).ToHaveTextAsync("Sur la page d'accueil du site, cliquez sur le bouton Devenir adhérent");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("Cette personne pourra mettre à jour la fiche descriptive de l'entreprise qui s'affichera dans l'annuaire des entreprises");
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync(
            "Une fois que vous avez enregistré les 2 parties, un mail est envoyé au Président de l'association qui soumet votre demande au Conseil d'Administration.");
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("Vous recevrez une copie de votre demande");
        await Assertions.Expect(steps.Nth(3)).ToContainTextAsync("Votre demande sera traitée sous quinze jours.");
        await Assertions.Expect(steps.Nth(3)).ToContainTextAsync("Vous recevrez un mail du Président vous informant de la décision du CA");
        await Assertions.Expect(steps.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Devenir adhérent" })).ToHaveAttributeAsync("href", "/adhesion");

        var part1 = page.GetByRole(AriaRole.Region, new() { Name = "Demande d'adhésion – partie 1", Exact = true });
        await Assertions.Expect(part1).ToContainTextAsync("La partie contact « Référent de l'organisme » est constituée de 4 volets.");
        await Assertions.Expect(part1.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(
            ["Compte utilisateur", "Coordonnées individuelles", "Lieu de travail habituel", "Notifications de publication d'une actualité"]);
        await Assertions.Expect(ListAfter(part1, "h3", "Notifications de publication d'une actualité")).ToHaveTextAsync(
            ["Evénement public", "Vie de l'association", "Commission Aide au Recrutement", "Commission Adaptation des Compétences", "Processus & Documentation"]);

        var part2 = page.GetByRole(AriaRole.Region, new() { Name = "Demande d'adhésion – partie 2", Exact = true });
        await Assertions.Expect(part2).ToContainTextAsync("La partie Information de l'organisme est constituée de 4 volets");
        await Assertions.Expect(part2.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(
            ["Identification de l'organisme", "Caractéristiques de l'activité de l'entreprise", "Périmètre d'adhésion", "Clauses d'engagement"]);
        await Assertions.Expect(part2.Locator("xpath=.//li[starts-with(normalize-space(), 'Catégorie de votre organisme')]/ul/li")).ToHaveTextAsync(
            ["Entreprise", "Partenaire emploi", "Partenaire formation", "Partenaire Soutien", "Organisation professionnelle"]);
        await Assertions.Expect(part2).ToContainTextAsync("Logo de votre organisme (taille maximale recommandée 300x300, moins de 200 Ko)");
        await Assertions.Expect(part2).ToContainTextAsync(
            "Si l'entreprise ne souhaite pas bénéficier des actions de l'association sur un territoire, il faut saisir 0 pour le territoire.");

        // The consent's « mentions légales » is a link to them.
        var consent = part1.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "En cochant cette case, je confirme avoir pris connaissance des conditions d'utilisation des données de mon profil utilisateur de l'extranet disponible dans les mentions légales" });
        await Assertions.Expect(consent).ToHaveCountAsync(1);
        await consent.GetByRole(AriaRole.Link, new() { Name = "mentions légales", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mentions-legales$"));
        await AssertPublicPageAsync(page, "Mentions légales", "Mentions légales");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conditions d'utilisation des données de votre profil utilisateur de l'extranet", Level = 2 }))
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_fee_page_shows_Billings_grid_figure_for_figure_as_the_seed_and_its_simulator_answers()
    {
        var page = await NewPageWithoutJavaScriptAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await Rubrique(page, "Combien coûte l'adhésion").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/combien-coute-l-adhesion$"));
        await AssertPublicPageAsync(page, "Combien coûte l'adhésion", "Combien coûte l'adhésion");

        // Seed 000, « Combien coute l'adhésion »: « Grille de cotisation 2019 », its two tables as the seed writes them.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grille de cotisation 2019", Level = 2 })).ToBeVisibleAsync();
        await AssertTableAsync(page, "Organismes du secteur numérique",
            ["Nombre de salariés sur la région (1)", "Cotisation annuelle standard", "Cotisation annuelle organisme affilié (2)"],
            [
                ["Startup (3)", "120 €", "Gratuit (4) sinon 60 €"],
                ["< 10", "192 €", "96 €"],
                ["10 à 24", "384 €", "192 €"],
                ["25 à 50", "672 €", "336 €"],
                ["51 à 100", "1 152 €", "576 €"],
                ["De 101 à 250", "1 824 €", "912 €"],
                ["De 251 à 500", "3 300 €", "1650 €"],
                ["501 à 1000", "6 000 €", "3 000 €"],
                ["Plus de 1000", "12 000 €", "6 000 €"],
            ]);
        await AssertTableAsync(page, "Organismes hors secteur numérique",
            ["Nombre de salariés exerçant un métier du numérique sur la région (5)", "Cotisation annuelle standard", "Cotisation annuelle organisme affilié (2)"],
            [
                ["< 10", "384 €", "192 €"],
                ["10 à 24", "768 €", "384 €"],
                ["25 à 50", "1 344 €", "672 €"],
                ["51 à 100", "2 304 €", "1 152 €"],
                ["De 101 à 250", "3 648 €", "1 824 €"],
                ["De 251 à 500", "6 600 €", "3 300 €"],
                ["501 à 1000", "12 000 €", "6 000 €"],
                ["Plus de 1000", "24 000 €", "12 000 €"],
            ]);
        await Assertions.Expect(page.Locator(".grille-cotisation .notes p")).ToHaveTextAsync(
        [
            "(1) Selon le nombre total de salariés dans les territoires (Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de l'association",
            "(2) organisme adhérent à une des structures membres du collège Organisation professionnelle de l'association (voir dans la rubrique Partenaire du site grand-est.numerique-emploi.org)",
            "(3) une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€",
            "(4) si la startup a souscrit le pack Startup de Syntec numérique",
            "(5) Selon le nombre total de salariés exerçant un métier du numérique dans les territoires (Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de l'association",
        ]);

        // The simulator is a form sent by GET: it answers without a script, with the seed's « 25 à 50 » figure.
        var simulator = page.GetByRole(AriaRole.Form, new() { Name = "Simulateur de cotisation" });
        await simulator.GetByLabel("Catégorie d'organisme", new() { Exact = true }).SelectOptionAsync("Entreprise");
        await simulator.GetByRole(AriaRole.Group, new() { Name = "Votre organisme fait-il partie du secteur numérique ?" }).GetByLabel("Oui", new() { Exact = true }).CheckAsync();
        await simulator.GetByRole(AriaRole.Group, new() { Name = "Votre organisme est-il affilié à une organisation professionnelle membre de l'association ?" })
            .GetByLabel("Non", new() { Exact = true }).CheckAsync();
        var staff = simulator.GetByRole(AriaRole.Group, new() { Name = "Nombre de salariés par territoire" });
        await staff.GetByLabel("Alsace", new() { Exact = true }).FillAsync("12");
        await staff.GetByLabel("Champagne-Ardenne", new() { Exact = true }).FillAsync("14");
        await staff.GetByLabel("Lorraine", new() { Exact = true }).FillAsync("0");
        await simulator.GetByRole(AriaRole.Button, new() { Name = "Calculer ma cotisation" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/combien-coute-l-adhesion\?categorie=Entreprise&.*alsace=12&.*#simulateur$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = "Votre cotisation annuelle estimée" })).ToHaveTextAsync(new Regex(@"^Votre cotisation annuelle estimée : 672\s€$"));
        await Assertions.Expect(page.Locator(".explication")).ToHaveTextAsync(
            "Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €");
        // What was typed stays in the form.
        await Assertions.Expect(staff.GetByLabel("Champagne-Ardenne", new() { Exact = true })).ToHaveValueAsync("14");
        await AssertPublicPageAsync(page, "Combien coûte l'adhésion", "Combien coûte l'adhésion");
    }

    [Fact]
    public async Task Participer_a_la_vie_de_l_association_gives_the_general_assembly_and_the_AAR_and_ADC_commissions_with_their_missions()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await Rubrique(page, "Participer à la vie de l'association").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/participer-a-la-vie-de-l-association$"));
        await AssertPublicPageAsync(page, "Participer à la vie de l'association", "Participer à la vie de l'association");

        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync(["Assemblée générale", "Commissions opérationnelles"]);

        var assembly = page.GetByRole(AriaRole.Region, new() { Name = "Assemblée générale", Exact = true });
        await Assertions.Expect(assembly.Locator("strong")).ToHaveTextAsync(
        [
            "Les membres des collèges Organisations professionnelles et organismes Usager donnent leur avis et approuvent lors de l'assemblée générale annuelle :",
            "Ils élisent les membres du Conseil d'Administration parmi les candidats proposés par les organisations professionnelles qui gèrent l'association ou des représentants d'organismes usagers.",
            "Ils disposent d'un nombre de voix en fonction du nombre de leurs collaborateurs pour les territoires du périmètre de leur adhésion",
        ]);
        await Assertions.Expect(assembly.Locator("li li")).ToHaveTextAsync(
            ["la stratégie et les plans d'actions des commissions de l'association", "les budgets d'investissement et de fonctionnement"]);

        var commissions = page.GetByRole(AriaRole.Region, new() { Name = "Commissions opérationnelles", Exact = true });
        await Assertions.Expect(commissions.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(
            ["Aide aux Actions de Recrutement (AAR)", "Adaptation et Développement des Compétences (ADC)"]);

        var aar = commissions.GetByRole(AriaRole.Region, new() { Name = "Aide aux Actions de Recrutement (AAR)", Exact = true });
        await Assertions.Expect(aar).ToContainTextAsync(
            "Les commissions AAR sont placées sous la responsabilité d'un membre du Conseil d'Administration en charge de l'activité Aide aux Actions de Recrutement.");
        await Assertions.Expect(aar.Locator("xpath=./p[normalize-space()='Une commission territoriale est composée :']/following-sibling::ul[1]/li")).ToHaveTextAsync(
        [
            "de pilotes nommés par l'administrateur du CA, qui se répartissent le pilotage des sessions et groupes de travail",
            "de professionnels d'entreprises (de différentes tailles et type d'activités) et de spécialistes du recrutement des métiers du numérique",
        ]);
        var aarMissions = ListAfter(aar, "h4", "3 missions principales :");
        await Assertions.Expect(aarMissions).ToHaveCountAsync(3);
        await Assertions.Expect(aarMissions.Nth(0)).ToHaveTextAsync("Apporter son soutien au sourcing des candidats par les partenaires Emploi");
        await Assertions.Expect(aarMissions.Nth(1)).ToContainTextAsync(
            "Effectuer la Qualification du niveau d'Employabilité des Candidats dont le dossier est soumis par les partenaires Emploi via le portail Extranet");
        await Assertions.Expect(aarMissions.Nth(1).Locator("li li")).ToHaveTextAsync(
        [
            "Sa situation",
            "Les analyses faites par les membres de la commission (analyse CV, entretien conseil, ...)",
            "Les préconisations faites et les décisions prises par la commission",
        ]);
        await Assertions.Expect(aarMissions.Nth(2)).ToContainTextAsync("Assurer le Suivi des Actions de Recrutement concernant les candidats");
        await Assertions.Expect(aarMissions.Nth(2)).ToContainTextAsync(
            "Ceci s'effectue à travers des fiches de suivi complétées par les entreprises intéressées par les candidats dont le profil a été publié dans le vivier Numéric'Emploi");

        var adc = commissions.GetByRole(AriaRole.Region, new() { Name = "Adaptation et Développement des Compétences (ADC)", Exact = true });
        await Assertions.Expect(adc).ToContainTextAsync(
            "Les commissions ADC sont placées sous la responsabilité d'un membre du Conseil d'Administration en charge de l'activité ADC.");
        await Assertions.Expect(adc.Locator("xpath=./p[normalize-space()='Une commission territoriale est composée :']/following-sibling::ul[1]/li")).ToHaveCountAsync(5);
        await Assertions.Expect(adc).ToContainTextAsync(
            "de représentants des territoires et des politiques publiques Emploi/Formation, de spécialistes du montage contractuel et financier des formations");
        await Assertions.Expect(ListAfter(adc, "h4", "4 missions principales :")).ToHaveTextAsync(
        [
            "Collecter et analyser les besoins de recrutement des entreprises et en déduire les profils de compétences nécessaires",
            "Gérer un catalogue d'actions d'Adaptation et de Développement des Compétences permettant de répondre aux besoins principaux de recrutement retenus par la commission",
            "Organiser les sessions des actions d'Adaptation et de Développement des Compétences en fonction des besoins de recrutement à court et moyen terme et suivre leur déroulement jusqu'au recrutement des stagiaires",
            "Etudier le profil des candidats vus en commission Aide aux Actions de Recrutement pour leur proposer un Plan Individuel d'Adaptation et de Développement de leurs Compétences",
        ]);

        // The summary's links reach each commission.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sommaire de la page" }).GetByRole(AriaRole.Link, new() { Name = "Adaptation et Développement des Compétences (ADC)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#adc$"));
        await Assertions.Expect(adc.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToBeInViewportAsync();
    }

    [Fact]
    public async Task The_footers_legal_notice_tells_the_association_and_the_users_rights()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Informations" }).GetByRole(AriaRole.Link, new() { Name = "Mentions légales", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mentions-legales$"));
        await AssertPublicPageAsync(page, "Mentions légales", "Mentions légales");

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Informations" }).GetByRole(AriaRole.Link, new() { Name = "Mentions légales", Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main.Locator("h2")).ToHaveTextAsync(
            ["Conditions d'utilisation des données de votre profil utilisateur de l'extranet", "Candidats", "Vos droits"]);
        await Assertions.Expect(main).ToContainTextAsync(
            "Numéric'Emploi Grand Est (NEGE) est une association à but non lucratif reconnue d'intérêt général par les pouvoirs publics.");
        // The seed's words on the e-mail address (« L'adresse de courriel n'est pas publique et ne sera utilisée que si… »).
        await Assertions.Expect(main).ToContainTextAsync(
            "Votre adresse de courriel n'est pas publique. Tous les courriels de la part du système sont envoyés à cette adresse ; elle ne sera utilisée que si vous souhaitez recevoir un nouveau mot de passe, certaines actualités ou des notifications par courriel.");
        await Assertions.Expect(main).ToContainTextAsync(
            "Vous disposez d'un droit d'accès et de rectification aux informations qui vous concernent.");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "www.cnil.fr/fr/comprendre-vos-droits" })).ToHaveAttributeAsync("href", "https://www.cnil.fr/fr/comprendre-vos-droits");

        // The candidates' two notices open from it.
        var notices = main.Locator("xpath=.//h2[normalize-space()='Candidats']/following-sibling::ul[1]//a");
        await Assertions.Expect(notices).ToHaveCountAsync(2);
        var noticeTitle = (await notices.First.InnerTextAsync()).Trim();
        await notices.First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(noticeTitle);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
    }

    [Fact]
    public async Task The_news_list_shows_a_published_item_with_its_illustration_and_its_filter_works_without_JavaScript()
    {
        var word = UniqueWord();
        var title = $"Forum de l'emploi numérique à Metz {word}";
        // A category no other test's subscribers chose: this item is in no one else's digest.
        const string category = "Processus & Documentation";
        var editor = await system.Identities.PersonWithRoleAsync(NegeRoles.Editor);
        var token = (await system.Identities.LoginAsync(editor)).AccessToken;
        var created = await system.Identities.SendAsync(HttpMethod.Post, "/api/directory/news", token, new
        {
            title,
            bodyHtml = "<p>Rencontrez les entreprises du numérique du Grand Est au forum de l'emploi de Metz.</p>",
            category,
            image = "data:image/png;base64," + MembershipApplicationFlowTests.TinyPng,
            publishAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var newsId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // From the home page's navigation, with scripts.
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Actualités", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/actualites$"));
        await AssertPublicPageAsync(page, "Actualités", "Actualités");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toutes les actualités", Level = 2 })).ToBeVisibleAsync();
        var item = page.GetByRole(AriaRole.Article, new() { Name = title, Exact = true });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.Locator(".meta")).ToContainTextAsync($"— {category}");
        await Assertions.Expect(item).ToContainTextAsync("Rencontrez les entreprises du numérique du Grand Est au forum de l'emploi de Metz.");
        var illustration = item.GetByRole(AriaRole.Img, new() { Name = $"Illustration de l'actualité « {title} »", Exact = true });
        await Assertions.Expect(illustration).ToHaveCountAsync(1);
        var image = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), await illustration.GetAttributeAsync("src")).ToString());
        Assert.Equal(200, image.Status);
        Assert.Equal("image/png", image.Headers["content-type"]);

        // Without scripts: the filter is a form sent by GET, and the item's page opens from the list.
        var plain = await NewPageWithoutJavaScriptAsync();
        await plain.GotoAsync(system.GatewayUrl + "/actualites");
        await AssertPublicPageAsync(plain, "Actualités", "Actualités");
        var filter = plain.GetByRole(AriaRole.Search, new() { Name = "Filtrer les actualités" });
        await filter.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync("Vie de l'association");
        await filter.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(plain).ToHaveURLAsync(new Regex(@"/actualites\?categorie=Vie(%20|\+)de(%20|\+)l(%27|')association$"));
        await Assertions.Expect(plain.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Actualités « Vie de l'association »" })).ToBeVisibleAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Article, new() { Name = title, Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(filter.GetByLabel("Catégorie", new() { Exact = true })).ToHaveValueAsync("Vie de l'association");

        await filter.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync(category);
        await filter.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Heading, new() { Level = 2, Name = $"Actualités « {category} »" })).ToBeVisibleAsync();
        var filtered = plain.GetByRole(AriaRole.Article, new() { Name = title, Exact = true });
        await Assertions.Expect(filtered).ToHaveCountAsync(1);
        await AssertPublicPageAsync(plain, "Actualités", "Actualités");

        await filtered.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(plain).ToHaveURLAsync(new Regex($"/actualites/{newsId}$"));
        await AssertPublicPageAsync(plain, title, title);
        await Assertions.Expect(plain.GetByRole(AriaRole.Main)).ToContainTextAsync("Rencontrez les entreprises du numérique du Grand Est au forum de l'emploi de Metz.");
    }

    [Fact]
    public async Task The_partners_directory_lists_a_new_training_partner_under_its_kind_and_without_JavaScript_the_directory_search_finds_it()
    {
        var word = UniqueWord();
        var name = $"Formation Numérique Vosges {word}";
        await NewMembers.ApproveAsync(system, name, category: "Partenaire formation",
            presentationHtml: "<p>Organisme de formation aux métiers du numérique à Épinal.</p>",
            siteDepartements: ["Lorraine : Vosges (88)"], interventionDepartements: ["Lorraine : Vosges (88)"], emailPrefix: "formation");

        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/pourquoi-adherer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Consulter l'annuaire de nos partenaires", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/annuaire/partenaires$"));
        var training = page.GetByRole(AriaRole.Region, new() { Name = "Partenaires Formation", Exact = true });
        var card = training.GetByRole(AriaRole.Article, new() { Name = name, Exact = true });
        await Eventually.UntilAsync(async () =>
        {
            if (await card.CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        }, DirectoryTimeout, $"« {name} » among the training partners");
        await AssertPublicPageAsync(page, "Annuaire de nos partenaires", "Annuaire de nos partenaires");

        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync(["Partenaires Emploi", "Partenaires Soutien", "Partenaires Formation", "Organisations professionnelles"]);
        await Assertions.Expect(training.Locator("ul.role > li")).ToHaveTextAsync(
        [
            "Ce sont des organismes de formation publics ou privés",
            "Ils collaborent avec NEGE pour réaliser l'ingénierie de formation des actions organisées par NEGE",
            "Ils animent les formations référencées au catalogue de NEGE pour adapter les compétences des candidats aux besoins de recrutement des entreprises régionales du secteur numérique",
        ]);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Partenaires Emploi", Exact = true }).Locator("ul.role > li")).ToHaveTextAsync(
        [
            "Ils accompagnent les publics dont ils ont la responsabilité vers l'emploi.",
            "Ils détectent les profils correspondant aux actions menées par NEGE, soumettent les dossiers de candidatures, suivent leur traitement et assure le lien entre le candidat et les responsables des actions NEGE",
        ]);
        // Only under its own kind, with its logo described and its départements.
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = name, Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByRole(AriaRole.Img, new() { Name = $"Logo de {name}", Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("Départements : Lorraine : Vosges (88)");

        // Without scripts: the partners' directory, then the directory's search form, sent by GET.
        var plain = await NewPageWithoutJavaScriptAsync();
        await plain.GotoAsync(system.GatewayUrl + "/annuaire/partenaires");
        await AssertPublicPageAsync(plain, "Annuaire de nos partenaires", "Annuaire de nos partenaires");
        await Assertions.Expect(plain.GetByRole(AriaRole.Region, new() { Name = "Partenaires Formation", Exact = true }).GetByRole(AriaRole.Article, new() { Name = name, Exact = true }))
            .ToHaveCountAsync(1);
        await plain.GetByRole(AriaRole.Link, new() { Name = "Rechercher dans l'annuaire des entreprises", Exact = true }).ClickAsync();
        await Assertions.Expect(plain).ToHaveURLAsync(new Regex("/annuaire$"));
        await AssertPublicPageAsync(plain, "Annuaire des entreprises", "Annuaire des entreprises");

        var search = plain.GetByRole(AriaRole.Search, new() { Name = "Rechercher dans l'annuaire" });
        await search.GetByLabel("Rechercher", new() { Exact = true }).FillAsync($"formation vosges {word}");
        await search.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Partenaire formation" });
        await search.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await Assertions.Expect(plain).ToHaveURLAsync(new Regex($@"/annuaire\?q=formation\+vosges\+{word}&"));
        await Assertions.Expect(plain.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 organisme correspond à votre recherche.");
        var result = plain.GetByRole(AriaRole.Article).Filter(new() { Has = plain.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await Assertions.Expect(result.GetByRole(AriaRole.Img, new() { Name = $"Logo de {name}", Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(search.GetByLabel("Rechercher", new() { Exact = true })).ToHaveValueAsync($"formation vosges {word}");
        await AssertPublicPageAsync(plain, "Annuaire des entreprises", "Annuaire des entreprises");

        await result.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(plain.GetByRole(AriaRole.Main)).ToContainTextAsync("Organisme de formation aux métiers du numérique à Épinal.");
    }

    [Fact]
    public async Task Without_JavaScript_a_visitor_goes_through_every_public_page_by_its_links()
    {
        var page = await NewPageWithoutJavaScriptAsync();
        // The context truly runs no script.
        await page.SetContentAsync("<p id=\"etat\">sans script</p><script>document.getElementById('etat').textContent = 'avec script';</script>");
        await Assertions.Expect(page.Locator("#etat")).ToHaveTextAsync("sans script");

        await page.GotoAsync(system.GatewayUrl + "/");
        await AssertPublicPageAsync(page, SiteName, "Accueil");
        await Assertions.Expect(page.Locator("main .accroche")).ToHaveTextAsync(Ambition);

        (string Link, string Path, string Title, string Phrase)[] rubriques =
        [
            ("Pourquoi adhérer", "/pourquoi-adherer", "Pourquoi adhérer", "Jeunes « décrocheurs » du système éducatif traditionnel"),
            ("Comment adhérer", "/comment-adherer", "Comment adhérer", "Votre demande sera traitée sous quinze jours."),
            ("Combien coûte l'adhésion", "/combien-coute-l-adhesion", "Combien coûte l'adhésion", "Grille de cotisation 2019"),
            ("Participer à la vie de l'association", "/participer-a-la-vie-de-l-association", "Participer à la vie de l'association",
                "Les commissions AAR sont placées sous la responsabilité d'un membre du Conseil d'Administration en charge de l'activité Aide aux Actions de Recrutement."),
        ];
        foreach (var (link, path, title, phrase) in rubriques)
        {
            await Rubrique(page, link).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
            await AssertPublicPageAsync(page, title, title);
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(phrase);
            // The main navigation marks the page; the site's name leads home.
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }))
                .ToHaveAttributeAsync("aria-current", "page");
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = SiteName, Exact = true }).ClickAsync();
            await AssertPublicPageAsync(page, SiteName, "Accueil");
        }

        await ClickButtonAsync(page, "Devenir adhérent");
        await AssertPublicPageAsync(page, "Devenir adhérent", "Devenir adhérent");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Informations" }).GetByRole(AriaRole.Link, new() { Name = "Mentions légales", Exact = true }).ClickAsync();
        await AssertPublicPageAsync(page, "Mentions légales", "Mentions légales");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Actualités", Exact = true }).ClickAsync();
        await AssertPublicPageAsync(page, "Actualités", "Actualités");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Annuaire des entreprises", Exact = true }).ClickAsync();
        await AssertPublicPageAsync(page, "Annuaire des entreprises", "Annuaire des entreprises");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Consulter l'annuaire de nos partenaires", Exact = true }).ClickAsync();
        await AssertPublicPageAsync(page, "Annuaire de nos partenaires", "Annuaire de nos partenaires");
        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync(["Partenaires Emploi", "Partenaires Soutien", "Partenaires Formation", "Organisations professionnelles"]);
    }

    /// <summary>
    /// What every public page must be: French, titled, one h1 in its main landmark, a working skip link, and every image,
    /// field, link and button with a text for those who cannot see it.
    /// </summary>
    private static async Task AssertPublicPageAsync(IPage page, string heading, string title)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page).ToHaveTitleAsync($"{title} — {SiteName}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToHaveCountAsync(1);
        await Assertions.Expect(main.Locator("h1")).ToHaveCountAsync(1);

        // The skip link is the first stop of the keyboard, off screen until focused, and leads to the main landmark. An
        // address with a fragment (« …#simulateur ») starts the keyboard at its target, as browsers do: there it is focused.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu", Exact = true });
        await Assertions.Expect(skip).ToHaveAttributeAsync("href", "#contenu");
        await Assertions.Expect(main).ToHaveAttributeAsync("id", "contenu");
        if (new Uri(page.Url).Fragment.Length == 0)
        {
            await Assertions.Expect(skip).Not.ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Tab");
        }
        else
        {
            await skip.FocusAsync();
        }

        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        var images = page.Locator("img");
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            await Assertions.Expect(images.Nth(i)).ToHaveAttributeAsync("alt", new Regex(@"\S"));
        }

        var named = page.Locator("input:not([type=hidden]), select, textarea, button, a[href]");
        var count = await named.CountAsync();
        Assert.True(count > 0, $"{page.Url}: no link, field or button at all");
        for (var i = 0; i < count; i++)
        {
            await Assertions.Expect(named.Nth(i)).ToHaveAccessibleNameAsync(new Regex(@"\S"));
        }
    }

    /// <summary>One of the home page's three buttons (« Accès directs »).</summary>
    private static Task ClickButtonAsync(IPage page, string name) =>
        page.GetByRole(AriaRole.List, new() { Name = "Accès directs", Exact = true }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>A link of the home page's « Devenir membre de NEGE Collège entreprise usager ».</summary>
    private static ILocator Rubrique(IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Devenir membre de NEGE Collège entreprise usager", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The items of the list right after the heading <paramref name="tag"/> reading <paramref name="heading"/>.</summary>
    private static ILocator ListAfter(ILocator scope, string tag, string heading) =>
        scope.Locator($"xpath=.//{tag}[normalize-space()=\"{heading}\"]/following-sibling::ul[1]/li");

    /// <summary>A fee table's headings and rows, compared with the seed's figure for figure (« 1 650 € » is the seed's « 1650 € »).</summary>
    private static async Task AssertTableAsync(IPage page, string name, string[] headings, string[][] rows)
    {
        var table = page.GetByRole(AriaRole.Table, new() { Name = name, Exact = true });
        await Assertions.Expect(table).ToHaveCountAsync(1);
        Assert.Equal(headings.Select(Figures), (await table.Locator("thead th").AllInnerTextsAsync()).Select(Figures));
        var shown = table.Locator("tbody tr");
        await Assertions.Expect(shown).ToHaveCountAsync(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Select(Figures), (await shown.Nth(i).Locator("th, td").AllInnerTextsAsync()).Select(Figures));
        }
    }

    /// <summary>A text with its spaces made plain and single, and none inside a number.</summary>
    private static string Figures(string text) =>
        Regex.Replace(Regex.Replace(text, @"\s+", " ").Trim(), @"(?<=\d) (?=\d{3}\b)", "");

    /// <summary>A word no other organisation or news item has, of consonants only (French stemming leaves it whole).</summary>
    private static string UniqueWord()
    {
        const string consonants = "bcdfghjklmnpqrstvwxz";
        return new string([.. Enumerable.Range(0, 10).Select(_ => consonants[Random.Shared.Next(consonants.Length)])]);
    }
}
