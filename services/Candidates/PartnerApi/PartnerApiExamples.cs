using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.PartnerApi;

/// <summary>
/// Examples in the OpenAPI document for a partner's developers: a dossier as it is sent, the answer
/// to it, and the French problem a wrong one gets — each computed by the real rules, so they stay true.
/// </summary>
internal static class PartnerApiExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    public static readonly DossierRequest Request = new(
        new IdentificationInput("Léa", "Muller", "FT-2026-001842", new PostalAddressInput("12 rue des Tanneurs", null, "67000", "Strasbourg"),
            "lea.muller@exemple.fr", "06 12 34 56 78", new DateOnly(1990, 5, 12)),
        new SearchContextInput(null, null, [CandidateForm.Reconversion]),
        new ProfileInput(
            [new SkillInput("Technique", "C#", "Maîtrise"), new SkillInput("Langue", "Anglais", "B2")],
            ["Rigueur"], "Niveau 6 (bac+3, bac+4 : licence, BUT, master 1)", "Licence professionnelle", 4, "Quatre ans de support informatique."),
        new ProjectInput(["Développeuse .NET"], ["PME : 10-250 personnes"], ["CDI"], 3_800_000, new MobilityInput(["Alsace : Bas-Rhin (67)"], 40), "Azure"),
        new ConsentInput(CandidateNotices.CurrentDataUseVersion, false))
    {
        Adviser = new AdviserInput("Nadia Conseillère", "nadia.conseillere@agence-exemple.fr"),
    };

    /// <summary>POST and PUT of a dossier: the request, the answer, the refusal.</summary>
    public static Task Dossier(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = Node(Request);
        }

        var (content, _) = DossierRules.Validate(Request, At);
        var dossier = new PartnerDossierView(
            Guid.Parse("019ad8f2-5c1e-7a3b-9e4d-2f6a8b0c1d3e"), "D-000042", "submitter",
            new DossierStatusView(DossierStatuses.Submitted, DossierStatuses.Label(DossierStatuses.Submitted), At),
            CandidateForm.Alsace, "FT-2026-001842", "Léa", "Muller", At, At, content)
        {
            Adviser = new AdviserView("Nadia Conseillère", "nadia.conseillere@agence-exemple.fr"),
        };
        object answer = context.Description.HttpMethod == "POST"
            ? new DossierIntakeView("created", "Le dossier D-000042 est déposé ; le candidat est informé du traitement de ses données par courriel.", dossier)
            : dossier;
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is null)
            {
                continue;
            }

            foreach (var (type, media) in response.Content)
            {
                media.Example = status switch
                {
                    "200" or "201" when type == "application/json" => Node(answer),
                    "400" => RefusalExample(),
                    _ => media.Example,
                };
            }
        }

        return Task.CompletedTask;
    }

    private static JsonNode RefusalExample()
    {
        var wrong = Request with
        {
            Identification = Request.Identification! with { Email = "lea.muller@", Phone = "12" },
            Profile = Request.Profile! with { Skills = [new SkillInput("Technique", "C#", "Excellent")] },
        };
        var (_, errors) = DossierRules.Validate(wrong, At);
        return Node(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            title = "Certaines informations sont invalides.",
            status = 400,
            detail = "Corrigez les champs signalés puis renvoyez la demande.",
            errors = errors.ToDictionary(),
        });
    }

    private static JsonNode Node<T>(T value) => JsonSerializer.SerializeToNode(value, Json)!;
}
