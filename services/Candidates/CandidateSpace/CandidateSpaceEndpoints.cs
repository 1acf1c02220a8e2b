using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Candidates.Commission;
using Nege.Candidates.Consents;
using Nege.Candidates.Documents;
using Nege.Candidates.Dossiers;
using Nege.Candidates.Retention;
using Nege.Candidates.TalentPool;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.CandidateSpace;

/// <summary>
/// The candidates' own space: a logged-in person attaches their dossier (a code sent to the dossier's address proves
/// it is theirs), then reads all of it, exports it (JSON, PDF) and gives or withdraws their consents, a withdrawal
/// taking effect at once.
/// </summary>
public static class CandidateSpaceEndpoints
{
    public const string Route = "/api/candidates/me";

    public const string NotAttached = "Aucun dossier n'est rattaché à votre compte : demandez son rattachement avec l'adresse électronique de votre dossier.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapCandidateSpace(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup(Route).WithTags("Candidats — mon dossier").RequireAccess(AccessPolicies.OwnAccount);
        me.MapPost("/attachment", RequestAsync).Accepts<AttachmentRequest>("application/json")
            .WithSummary("Demander le rattachement de son dossier : un code est envoyé à l'adresse électronique du dossier");
        me.MapPost("/attachment/confirmation", ConfirmAsync).Accepts<AttachmentConfirmation>("application/json")
            .WithSummary("Confirmer le rattachement avec le code reçu");
        me.MapGet("/dossier", GetAsync).WithSummary("Tout son dossier (droit d'accès), analyses de la commission comprises");
        me.MapGet("/dossier/export.json", ExportJsonAsync).WithSummary("Exporter son dossier en JSON").Produces(StatusCodes.Status200OK, typeof(string), "application/json");
        me.MapGet("/dossier/export.pdf", ExportPdfAsync).WithSummary("Exporter son dossier en PDF").Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf");
        me.MapPost("/consents", ChangeConsentAsync).Accepts<ConsentChangeRequest>("application/json")
            .WithSummary("Donner ou retirer un consentement (vivier, LinkedIn) : un retrait prend effet immédiatement");
        return routes;
    }

    private static async Task<Results<Accepted<AttachmentView>, ValidationProblem, ConflictProblem>> RequestAsync(
        AttachmentRequest? body, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = DossierRules.Required(errors, "email", body?.Email, "L'adresse électronique de votre dossier", 254);
        errors.AddIf(email is not null && !email.Contains('@', StringComparison.Ordinal), "email", "Indiquez une adresse électronique valable.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var accountId = user.CallerId()!.Value;
        var now = clock.GetUtcNowForDatabase();
        var attachment = await db.CandidateAttachments.SingleOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (attachment is { Attached: true })
        {
            return Problems.Conflict("Un dossier est déjà rattaché à votre compte.");
        }

        var key = DossierRules.EmailKey(email!);
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.EmailKey == key && d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.Closed)
            .OrderBy(d => d.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        // The same answer whether a dossier has that address or not: the page never tells who is a candidate.
        var answer = new AttachmentView("pending", "Si un dossier correspond à cette adresse, un code à six chiffres vient d'y être envoyé ; il est valable 30 minutes.", now + CandidateAttachment.CodeLifetime);
        if (dossier is null || await db.CandidateAttachments.AnyAsync(a => a.DossierId == dossier.Id && a.AttachedAt != null, cancellationToken))
        {
            return TypedResults.Accepted((string?)null, answer);
        }

        if (attachment is null)
        {
            attachment = new CandidateAttachment { AccountId = accountId };
            db.CandidateAttachments.Add(attachment);
        }

        var code = attachment.NewCode(dossier.Id, now);
        db.AddToOutbox(new CandidateAttachmentCodeRequested(dossier.Content.Identification.Email, dossier.Content.Identification.FirstName, code, now + CandidateAttachment.CodeLifetime), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, answer);
    }

    private static async Task<Results<Ok<AttachmentView>, ValidationProblem>> ConfirmAsync(
        AttachmentConfirmation? body, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = body?.Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return ValidationErrors.Single("code", "Le code reçu par courriel a six chiffres.").ToProblem();
        }

        var accountId = user.CallerId()!.Value;
        var attachment = await db.CandidateAttachments.SingleOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (attachment is { Attached: true })
        {
            return TypedResults.Ok(new AttachmentView("attached", "Votre dossier est rattaché à votre compte.", null));
        }

        if (attachment is null)
        {
            return ValidationErrors.Single("code", "Demandez d'abord un code avec l'adresse électronique de votre dossier.").ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var refusal = attachment.Confirm(code, now);
        if (refusal is null)
        {
            db.AddToOutbox(new CandidateAttached(accountId, attachment.DossierId, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return refusal is null
            ? TypedResults.Ok(new AttachmentView("attached", "Votre dossier est rattaché à votre compte.", null))
            : ValidationErrors.Single("code", refusal).ToProblem();
    }

    private static async Task<Results<Ok<CandidateDossierView>, NotFoundProblem>> GetAsync(
        ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, IOptions<RetentionOptions> retention, TimeProvider clock, CancellationToken cancellationToken) =>
        await ViewOfAsync(user, db, links, retention.Value, clock, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound(NotAttached);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ExportJsonAsync(
        ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, IOptions<RetentionOptions> retention, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await ViewOfAsync(user, db, links, retention.Value, clock, cancellationToken) is not { } view)
        {
            return Problems.NotFound(NotAttached);
        }

        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(view, Json), "application/json", $"dossier-{view.Number}.json");
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ExportPdfAsync(
        ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, IOptions<RetentionOptions> retention, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await ViewOfAsync(user, db, links, retention.Value, clock, cancellationToken) is not { } view)
        {
            return Problems.NotFound(NotAttached);
        }

        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(DossierPdf.Render(view), "application/pdf", $"dossier-{view.Number}.pdf");
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsentStateView>>, ValidationProblem, NotFoundProblem>> ChangeConsentAsync(
        ConsentChangeRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        ConsentKind? kind = body?.Kind?.Trim() switch
        {
            "talent_pool" => ConsentKind.TalentPool,
            "social_network_promotion" => ConsentKind.SocialNetworkPromotion,
            _ => null,
        };
        var errors = new ValidationErrors()
            .AddIf(kind is null, "kind", "Le consentement doit être « talent_pool » (fiche anonyme dans le vivier) ou « social_network_promotion » (LinkedIn).")
            .AddIf(body?.Given is null, "given", "Indiquez si vous donnez (true) ou retirez (false) ce consentement.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await LockAttachedAsync(user, db, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(NotAttached);
        }

        var now = clock.GetUtcNowForDatabase();
        var given = body!.Given!.Value;
        var candidate = CandidateActor(dossier, user);
        if (await db.IsGivenAsync(dossier.Id, kind!.Value, cancellationToken) != given)
        {
            db.Record(dossier.Id, kind.Value, given, dossier.Content.Consent.NoticeVersion, ConsentGiver.Candidate, candidate.Id, candidate.Name, "espace candidat", now);
            if (kind == ConsentKind.TalentPool && !given)
            {
                await db.LeavePoolAsync(links, dossier, candidate, "Le candidat a retiré son consentement à la publication dans le vivier.", now, cancellationToken);
            }

            dossier.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ConsentsOfAsync(db, dossier.Id, cancellationToken));
    }

    internal static DossierActor CandidateActor(Dossier dossier, ClaimsPrincipal user) =>
        new(DossierActorKind.Person, user.CallerId()!.Value.ToString(),
            $"{dossier.Content.Identification.FirstName} {dossier.Content.Identification.LastName} (le candidat)");

    /// <summary>The attached dossier, locked for the transaction the caller has begun; null when none is attached.</summary>
    internal static async Task<Dossier?> LockAttachedAsync(ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var dossier = await AttachedDossierAsync(user, db, cancellationToken);
        if (dossier is not null)
        {
            await db.LockAsync(dossier, cancellationToken);
        }

        return dossier;
    }

    internal static async Task<Dossier?> AttachedDossierAsync(ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var accountId = user.CallerId()!.Value;
        var dossierId = await db.CandidateAttachments.Where(a => a.AccountId == accountId && a.AttachedAt != null).Select(a => (Guid?)a.DossierId).SingleOrDefaultAsync(cancellationToken);
        return dossierId is null ? null : await db.Dossiers.Include(d => d.Partners).Include(d => d.Transitions).SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
    }

    internal static async Task<CandidateDossierView?> ViewOfAsync(
        ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, RetentionOptions retention, TimeProvider clock, CancellationToken cancellationToken)
    {
        var dossier = await AttachedDossierAsync(user, db, cancellationToken);
        if (dossier is null)
        {
            return null;
        }

        var analyses = await db.DossierAnalyses.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.At).ToListAsync(cancellationToken);
        var recommendations = await db.DossierRecommendations.AsNoTracking().Where(r => r.DossierId == dossier.Id).OrderBy(r => r.At).ToListAsync(cancellationToken);
        var documents = await DocumentViews.OfDossierAsync(db, dossier.Id, cancellationToken);
        var card = await db.TalentCards.AsNoTracking().SingleOrDefaultAsync(c => c.DossierId == dossier.Id, cancellationToken);
        var interests = await db.Interests.AsNoTracking().Where(i => i.DossierId == dossier.Id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var today = clock.TodayInParis();
        return new CandidateDossierView(
            dossier.Id,
            dossier.NumberText,
            DossierViews.StatusOf(dossier),
            dossier.Territory,
            dossier.SubmittedAt,
            dossier.UpdatedAt,
            dossier.Content,
            [.. analyses.Select(CommissionViews.Analysis)],
            [.. recommendations.Select(CommissionViews.Recommendation)],
            [.. dossier.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(DossierViews.Transition)],
            [.. documents.Select(DocumentViews.Of)],
            await ConsentsOfAsync(db, dossier.Id, cancellationToken),
            card is null ? null : TalentPoolRules.View(card, today),
            [.. interests.Select(i => InterestEndpoints.View(i, null, null, []))],
            await FollowUpEndpoints.SheetsOfAsync(db, dossier.Id, cancellationToken),
            dossier.Content.Consent.NoticeVersion,
            links.DataUseNotice(dossier.Content.Consent.NoticeVersion),
            ParisTime.DateOf(dossier.UpdatedAt.AddMonths(retention.Months)))
        {
            Commitments = await CommitmentsOfAsync(db, dossier.Id, cancellationToken),
            Requests = await RequestsOfAsync(db, dossier.Id, today, cancellationToken),
        };
    }

    internal static async Task<IReadOnlyList<CommitmentView>> CommitmentsOfAsync(CandidatesDbContext db, Guid dossierId, CancellationToken cancellationToken) =>
        [.. (await db.CandidateCommitments.AsNoTracking().Where(c => c.DossierId == dossierId).OrderByDescending(c => c.At).ToListAsync(cancellationToken))
            .Select(CandidateCommitment.View)];

    internal static async Task<IReadOnlyList<RightsRequestView>> RequestsOfAsync(CandidatesDbContext db, Guid dossierId, DateOnly today, CancellationToken cancellationToken) =>
        [.. (await db.RightsRequests.AsNoTracking().Where(r => r.DossierId == dossierId).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken))
            .Select(r => RightsRequest.View(r, today))];

    private static async Task<IReadOnlyList<ConsentStateView>> ConsentsOfAsync(CandidatesDbContext db, Guid dossierId, CancellationToken cancellationToken)
    {
        var lines = await db.ConsentRecords.AsNoTracking().Where(r => r.DossierId == dossierId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return [.. lines.GroupBy(l => l.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var current = g.Last();
            return new ConsentStateView(ConsentLabels.Code(g.Key), ConsentLabels.Label(g.Key), current.Given, current.NoticeVersion, ConsentLabels.Code(current.By), current.How, current.At,
                [.. g.Select(l => new ConsentLineView(l.Given, l.NoticeVersion, ConsentLabels.Code(l.By), l.ByName, l.How, l.At))]);
        })];
    }
}
