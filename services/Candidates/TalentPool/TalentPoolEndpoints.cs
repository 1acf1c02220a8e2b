using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// The talent pool for member companies: their recruiters and referents search the pseudonymous cards of the
/// candidates the commissions published. Only the people of an organisation whose membership is current get in.
/// </summary>
public static class TalentPoolEndpoints
{
    public const string Route = "/api/candidates/pool/cards";

    public const string CardNotFound = "Cette fiche n'existe pas, ou elle n'est plus dans le vivier.";

    public const string NoOrganisation =
        "Votre compte n'est rattaché à aucun organisme : le vivier est réservé aux recruteurs et référents des organismes adhérents.";

    public const string NotCurrentMember =
        "Votre organisme n'est pas (ou plus) adhérent de l'association : le vivier est réservé aux organismes à jour de leur adhésion.";

    public static IEndpointRouteBuilder MapTalentPool(this IEndpointRouteBuilder routes)
    {
        var cards = routes.MapGroup(Route).WithTags("Vivier des candidats (entreprises adhérentes)")
            .RequireAccess(AccessPolicies.TalentPoolSearch)
            .AddEndpointFilter(RequireCurrentMember);
        cards.MapGet("/", SearchAsync).Produces<PageOf<TalentCardHit>>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Rechercher dans le vivier : texte libre en français (sans accents, au singulier ou au pluriel), filtres, pagination, tri par pertinence ou par date");
        cards.MapGet("/{id:guid}", GetAsync).WithSummary("Une fiche du vivier (anonyme : prénom, métier, compétences, disponibilité)");
        return routes;
    }

    /// <summary>The caller's organisation must be a current member; checked before anything is read.</summary>
    public static async ValueTask<object?> RequireCurrentMember(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.CallerOrganisationId() is not { } organisationId)
        {
            return Problems.Forbidden(NoOrganisation);
        }

        var db = http.RequestServices.GetRequiredService<CandidatesDbContext>();
        var current = await db.MemberOrganisations.AnyAsync(o => o.Id == organisationId && o.Current, http.RequestAborted);
        return current ? await next(context) : Problems.Forbidden(NotCurrentMember);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> SearchAsync(
        [AsParameters] TalentSearchRequest request, CandidatesDbContext db, TalentSearchCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (search, errors) = TalentSearch.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return TypedResults.Bytes(await cache.SearchAsync(db, search!, clock.TodayInParis(), cancellationToken), "application/json");
    }

    private static async Task<Results<Ok<TalentCardView>, NotFoundProblem>> GetAsync(
        Guid id, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var inPool = DossierLifeCycle.InPool;
        var card = await db.TalentCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && inPool.Contains(c.Status), cancellationToken);
        return card is null ? Problems.NotFound(CardNotFound) : TypedResults.Ok(TalentPoolRules.View(card, clock.TodayInParis()));
    }
}

/// <summary>The query string of a search of the pool.</summary>
/// <param name="Q">Free text in French: any form of the words, accents or not.</param>
/// <param name="TargetJob">Words of the target job (« développeur », « administrateur systèmes »).</param>
/// <param name="Skill">Skills the candidate must all have, by name (repeat the parameter).</param>
/// <param name="Departement">A département the candidate would work in (seed 000's names).</param>
/// <param name="QualificationLevel">At least this level of the national scale.</param>
/// <param name="AvailableBy">Available on that day at the latest.</param>
/// <param name="Sort">« relevance » (the default with a text) or « date » (newest first; the default without).</param>
public sealed record TalentSearchRequest(
    string? Q,
    string? TargetJob,
    string[]? Skill,
    string? Territory,
    string? Departement,
    string? ContractType,
    string? QualificationLevel,
    DateOnly? AvailableBy,
    string? Sort,
    int? Page,
    int? PageSize);
