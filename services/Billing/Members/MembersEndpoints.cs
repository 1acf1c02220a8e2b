using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Billing.Grids;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Members;

/// <summary>The members Billing calls, for the treasurer: the partners' agreed fees are set here.</summary>
public static class MembersEndpoints
{
    public const string Route = "/api/billing/members";

    private const long MaxAgreedCents = 100_000_000;

    public static IEndpointRouteBuilder MapBillingMembers(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup(Route).WithTags("Appels de cotisation");
        members.MapGet("/", ListAsync).RequireAccess(AccessPolicies.ReadFeeCalls)
            .WithSummary("Les adhérents appelés à cotisation (filtres : catégorie, nom ; suspendus seulement), par nom");
        members.MapPut("/{organisationId:guid}/agreement", SetAgreedFeeAsync).RequireAccess(AccessPolicies.ManageFeeCalls)
            .WithSummary("Fixer la cotisation annuelle convenue d'un partenaire (les appels émis ensuite l'utilisent)");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<BillingMemberView>>, ValidationProblem>> ListAsync(
        BillingDbContext db, string? category, string? q, bool? lapsed, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var members = db.Members.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(category))
        {
            members = members.Where(m => m.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{Paging.EscapeLike(q.Trim())}%";
            members = members.Where(m => EF.Functions.ILike(m.Name, pattern));
        }

        if (lapsed is { } onlyLapsed)
        {
            members = onlyLapsed ? members.Where(m => m.LapsedAt != null) : members.Where(m => m.LapsedAt == null);
        }

        var total = await members.CountAsync(cancellationToken);
        var rows = await members.OrderBy(m => m.Name).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<BillingMemberView>([.. rows.Select(View)], number, size, total));
    }

    private static async Task<Results<Ok<BillingMemberView>, ValidationProblem, NotFoundProblem, ConflictProblem>> SetAgreedFeeAsync(
        BillingDbContext db, Guid organisationId, AgreedFeeRequest body, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(body.AmountCents is null, "amountCents", "Le montant convenu est obligatoire (en centimes d'euro, 0 pour une adhésion gratuite).")
            .AddIf(body.AmountCents is < 0 or > MaxAgreedCents, "amountCents", "Le montant doit être compris entre 0 et 1 000 000 €.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var member = await db.Members.SingleOrDefaultAsync(m => m.OrganisationId == organisationId, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound("Cet organisme n'est pas adhérent.");
        }

        if (FeeRules.PaysByGrid(member.Category))
        {
            return Problems.Conflict("Cotisation selon la grille",
                $"{member.Name} est de la catégorie « {member.Category} » : sa cotisation suit la grille, elle ne se fixe pas par convention.");
        }

        member.AgreedFeeCents = body.AmountCents;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(member));
    }

    private static BillingMemberView View(BillingMember m) => new(
        m.OrganisationId, m.Name, m.Category, m.DigitalSector, m.PerimeterAlsace, m.PerimeterChampagneArdenne, m.PerimeterLorraine, m.Affiliated,
        m.AffiliationName, m.AgreedFeeCents, m.ReferentName, m.ReferentEmail, m.MemberSince, m.LapsedAt);
}
