using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Calls;

/// <summary>« Mes cotisations »: a member's referent reads the organisation's fee calls and downloads their PDFs and credit notes.</summary>
public static class MemberCallsEndpoints
{
    public const string Route = "/api/billing/me";

    private const string NoOrganisation = "Votre compte n'est rattaché à aucun organisme adhérent.";

    public static IEndpointRouteBuilder MapMemberCalls(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup(Route).WithTags("Mes cotisations").RequireAccess(AccessPolicies.OwnFeeCalls);
        me.MapGet("/calls", ListAsync).WithSummary("Les appels de cotisation de mon organisme, du plus récent au plus ancien");
        me.MapGet("/calls/{id:guid}/pdf", PdfAsync).WithSummary("Le PDF d'un appel de cotisation de mon organisme");
        me.MapGet("/credit-notes/{id:guid}/pdf", CreditNotePdfAsync).WithSummary("Le PDF d'un avoir de mon organisme");
        me.MapGet("/receipts/{id:guid}/pdf", ReceiptPdfAsync).WithSummary("Le PDF d'un reçu de cotisation de mon organisme");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<FeeCallView>>, ForbiddenProblem>> ListAsync(BillingDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.CallerOrganisationId() is not { } organisationId)
        {
            return Problems.Forbidden(NoOrganisation);
        }

        var calls = await db.FeeCalls.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.IssuedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(await FeeCallsEndpoints.ViewsAsync(db, calls, cancellationToken));
    }

    private static Task<Results<FileContentHttpResult, NotFoundProblem, ForbiddenProblem>> PdfAsync(
        BillingDbContext db, ClaimsPrincipal user, Guid id, HttpResponse response, CancellationToken cancellationToken) =>
        OwnDocumentAsync(user, response, "Cet appel de cotisation n'existe pas.", FeeCall.FileName, organisationId => db.FeeCalls.AsNoTracking()
            .Where(c => c.Id == id && c.OrganisationId == organisationId)
            .Select(c => new OwnDocument(c.Number, c.Pdf)).SingleOrDefaultAsync(cancellationToken));

    private static Task<Results<FileContentHttpResult, NotFoundProblem, ForbiddenProblem>> CreditNotePdfAsync(
        BillingDbContext db, ClaimsPrincipal user, Guid id, HttpResponse response, CancellationToken cancellationToken) =>
        OwnDocumentAsync(user, response, "Cet avoir n'existe pas.", CreditNote.FileName, organisationId => db.CreditNotes.AsNoTracking().Where(n => n.Id == id)
            .Join(db.FeeCalls.Where(c => c.OrganisationId == organisationId), n => n.FeeCallId, c => c.Id, (n, _) => new OwnDocument(n.Number, n.Pdf))
            .SingleOrDefaultAsync(cancellationToken));

    private static Task<Results<FileContentHttpResult, NotFoundProblem, ForbiddenProblem>> ReceiptPdfAsync(
        BillingDbContext db, ClaimsPrincipal user, Guid id, HttpResponse response, CancellationToken cancellationToken) =>
        OwnDocumentAsync(user, response, "Ce reçu n'existe pas.", Receipt.FileName, organisationId => db.Receipts.AsNoTracking().Where(r => r.Id == id)
            .Join(db.FeeCalls.Where(c => c.OrganisationId == organisationId), r => r.FeeCallId, c => c.Id, (r, _) => new OwnDocument(r.Number, r.Pdf))
            .SingleOrDefaultAsync(cancellationToken));

    private sealed record OwnDocument(string Number, byte[] Pdf);

    /// <summary>One of the caller's organisation's documents; another member's answers as if it did not exist.</summary>
    private static async Task<Results<FileContentHttpResult, NotFoundProblem, ForbiddenProblem>> OwnDocumentAsync(
        ClaimsPrincipal user, HttpResponse response, string notFound, Func<string, string> fileName, Func<Guid, Task<OwnDocument?>> find)
    {
        if (user.CallerOrganisationId() is not { } organisationId)
        {
            return Problems.Forbidden(NoOrganisation);
        }

        return await find(organisationId) is { } document
            ? FeeCallsEndpoints.Pdf(document.Pdf, fileName(document.Number), response)
            : Problems.NotFound(notFound);
    }
}
