using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Audit;
using Nege.Candidates.Commission;
using Nege.Candidates.Documents;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// Interest and contact: a member company's recruiter records interest in a card; the candidate answers from the
/// link e-mailed to them (or the pilot records their answer); once they agree, that company alone reads their
/// contact details and documents, every reading audited. Agreeing puts the dossier « en recrutement ».
/// </summary>
public static class InterestEndpoints
{
    public const string RecruiterRoute = "/api/candidates/pool/interests";
    public const string CandidateRoute = "/api/candidates/interests/answer";

    public const string InterestNotFound = "Cet intérêt n'existe pas, ou il n'est pas celui de votre organisme.";
    public const string LinkNotValid = "Ce lien n'est pas (ou plus) valable : demandez à la commission ou à votre conseiller de vous en envoyer un nouveau.";

    public static IEndpointRouteBuilder MapInterests(this IEndpointRouteBuilder routes)
    {
        var pool = routes.MapGroup("/api/candidates/pool").WithTags("Vivier des candidats (entreprises adhérentes)")
            .RequireAccess(AccessPolicies.TalentPoolSearch)
            .AddEndpointFilter(TalentPoolEndpoints.RequireCurrentMember);
        pool.MapPost("/cards/{id:guid}/interests", RecordAsync).Accepts<InterestRequest>("application/json")
            .WithSummary("Manifester l'intérêt de votre organisme pour un candidat (avec un message) : le candidat est invité à accepter le contact");
        pool.MapGet("/interests", ListAsync).WithSummary("Les intérêts de votre organisme, et où en est la réponse de chaque candidat");
        pool.MapGet("/interests/{id:guid}", GetAsync)
            .WithSummary("Un intérêt ; les coordonnées et documents du candidat une fois qu'il a accepté (chaque consultation est journalisée)");
        pool.MapGet("/interests/{id:guid}/documents/{documentId:guid}", DownloadAsync)
            .WithSummary("Télécharger un document du candidat (CV…) une fois qu'il a accepté le contact (journalisé)")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf");

        var commission = routes.MapGroup("/api/candidates/commission").WithTags("Commissions AAR — qualification des candidats")
            .RequireAccess(AccessPolicies.CommissionWork);
        commission.MapGet("/dossiers/{id:guid}/interests", DossierInterestsAsync).WithSummary("Les entreprises intéressées par ce candidat, et ses réponses");
        commission.MapPost("/interests/{id:guid}/answer", PilotAnswerAsync).Accepts<InterestAnswerRequest>("application/json")
            .WithSummary("Consigner la réponse du candidat à une entreprise intéressée ; par un pilote du territoire");

        var candidate = routes.MapGroup(CandidateRoute).WithTags("Candidats");
        candidate.MapGet("/", CandidateViewAsync).AllowEveryone().WithSummary("Ce que le candidat voit derrière le lien de son courriel : l'entreprise et son message");
        candidate.MapPost("/", CandidateAnswerAsync).AllowEveryone().Accepts<CandidateInterestAnswerRequest>("application/json")
            .WithSummary("Le candidat accepte ou refuse d'être contacté par l'entreprise (lien reçu par courriel)");
        return routes;
    }

    private static async Task<Results<Created<InterestView>, ValidationProblem, NotFoundProblem, ConflictProblem>> RecordAsync(
        Guid id, InterestRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var message = DossierRules.Required(errors, "message", body?.Message, "Le message au candidat", Interest.MessageMaxLength);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var inPool = DossierLifeCycle.InPool;
        var card = await db.TalentCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && inPool.Contains(c.Status), cancellationToken);
        if (card is null)
        {
            return Problems.NotFound(TalentPoolEndpoints.CardNotFound);
        }

        var organisationId = user.CallerOrganisationId()!.Value;
        if (await db.Interests.AnyAsync(i => i.CardId == id && i.OrganisationId == organisationId, cancellationToken))
        {
            return Problems.Conflict("Votre organisme a déjà manifesté son intérêt pour ce candidat : retrouvez-le dans vos intérêts.");
        }

        var now = clock.GetUtcNowForDatabase();
        var organisation = await db.MemberOrganisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        var token = Interest.NewToken();
        var interest = new Interest
        {
            Id = Guid.CreateVersion7(now),
            CardId = card.Id,
            DossierId = card.DossierId,
            OrganisationId = organisationId,
            OrganisationName = organisation.Name,
            RecruiterAccountId = user.CallerId() ?? Guid.Empty,
            RecruiterName = user.CallerName(),
            RecruiterEmail = user.FindFirstValue(NegeClaims.Email) ?? "",
            Message = message!,
            CreatedAt = now,
            AnswerTokenHash = Interest.HashOf(token),
            AnswerTokenExpiresAt = now + Interest.AnswerLinkLifetime,
        };
        db.Interests.Add(interest);
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Partners).SingleAsync(d => d.Id == card.DossierId, cancellationToken);
        var identification = dossier.Content.Identification;
        db.AddToOutbox(new InterestRecorded(interest.Id, dossier.Id, dossier.NumberText, organisation.Name, interest.Message, now)
        {
            CandidateFirstName = identification.FirstName,
            CandidateName = $"{identification.FirstName} {identification.LastName}",
            CandidateEmail = identification.Email,
            AnswerLink = links.To($"/candidats/interet?jeton={token}"),
            Pilots = dossier.Territory is { } territory ? await db.PilotsOfAsync(territory, cancellationToken) : [],
            Advisers = dossier.AdviserRecipients(),
            CommissionLink = links.CommissionDossier(dossier.Id),
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Votre organisme a déjà manifesté son intérêt pour ce candidat : retrouvez-le dans vos intérêts.");
        }

        return TypedResults.Created($"{RecruiterRoute}/{interest.Id}", View(interest, TalentPoolRules.View(card, clock.TodayInParis()), null, []));
    }

    private static async Task<Results<Ok<PageOf<InterestView>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var organisationId = user.CallerOrganisationId()!.Value;
        var query = db.Interests.AsNoTracking().Where(i => i.OrganisationId == organisationId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.CreatedAt).Skip((number - 1) * size).Take(size)
            .Select(i => new { Interest = i, Card = db.TalentCards.FirstOrDefault(c => c.Id == i.CardId) })
            .ToListAsync(cancellationToken);
        var today = clock.TodayInParis();
        // The list names the cards only: contact details are on each interest's own page, where their reading is audited.
        return TypedResults.Ok(new PageOf<InterestView>(
            [.. rows.Select(r => View(r.Interest, r.Card is null ? null : TalentPoolRules.View(r.Card, today), null, []))], number, size, total));
    }

    private static async Task<Results<Ok<InterestView>, NotFoundProblem>> GetAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisationId = user.CallerOrganisationId()!.Value;
        var interest = await db.Interests.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.OrganisationId == organisationId, cancellationToken);
        if (interest is null)
        {
            return Problems.NotFound(InterestNotFound);
        }

        var card = await db.TalentCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == interest.CardId, cancellationToken);
        var today = clock.TodayInParis();
        if (interest.Status != InterestStatus.Agreed)
        {
            return TypedResults.Ok(View(interest, card is null ? null : TalentPoolRules.View(card, today), null, []));
        }

        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == interest.DossierId, cancellationToken);
        var identification = dossier.Content.Identification;
        var documents = await DocumentViews.OfDossierAsync(db, dossier.Id, cancellationToken);
        db.RecordRead(user, dossier.Id, PersonalDataKinds.Contact, clock.GetUtcNowForDatabase(), $"Coordonnées communiquées à {interest.OrganisationName}");
        await db.SaveChangesAsync(cancellationToken);
        var contact = new CandidateContactView(identification.FirstName, identification.LastName, identification.Email, identification.Phone, identification.Address.City);
        return TypedResults.Ok(View(interest, card is null ? null : TalentPoolRules.View(card, today), contact, [.. documents.Select(DocumentViews.Of)]));
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> DownloadAsync(
        Guid id, Guid documentId, ClaimsPrincipal user, HttpResponse response, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisationId = user.CallerOrganisationId()!.Value;
        var interest = await db.Interests.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == id && i.OrganisationId == organisationId && i.Status == InterestStatus.Agreed, cancellationToken);
        if (interest is null)
        {
            return Problems.NotFound("Ce document n'est pas disponible : le candidat n'a pas (encore) accepté le contact avec votre organisme.");
        }

        return await DocumentDownloads.ServeAsync(db, interest.DossierId, documentId, user, response, clock.GetUtcNowForDatabase(), cancellationToken) is { } file
            ? file
            : Problems.NotFound(DocumentDownloads.DocumentNotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<InterestView>>, NotFoundProblem>> DossierInterestsAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound(CommissionEndpoints.NotFoundDetail);
        }

        var interests = await db.Interests.AsNoTracking().Where(i => i.DossierId == id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InterestView>>([.. interests.Select(i => View(i, null, null, []))]);
    }

    private static async Task<Results<Ok<InterestView>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> PilotAnswerAsync(
        Guid id, InterestAnswerRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body?.Agreed is not { } agreed)
        {
            return ValidationErrors.Single("agreed", "Indiquez si le candidat accepte (true) ou refuse (false) le contact avec l'entreprise.").ToProblem();
        }

        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var interest = await db.Interests.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var dossier = interest is null ? null : await db.Dossiers.Include(d => d.Partners).SingleAsync(d => d.Id == interest.DossierId, cancellationToken);
        if (interest is null || dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound("Cet intérêt n'existe pas, ou il ne concerne pas un dossier de votre commission.");
        }

        if (!caller.Pilots(dossier))
        {
            return Problems.Forbidden($"Seul un pilote de la commission {dossier.Territory} consigne la réponse du candidat.");
        }

        await db.LockAsync(dossier, cancellationToken);
        if (await AnswerAsync(db, links, dossier, interest, agreed, InterestAnswerer.Pilot, caller.Actor, clock.GetUtcNowForDatabase(), cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(View(interest, null, null, []));
    }

    private static async Task<Results<Ok<CandidateInterestView>, NotFoundProblem>> CandidateViewAsync(
        string? token, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var interest = await ByTokenAsync(db, token, clock, cancellationToken);
        if (interest is null)
        {
            return Problems.NotFound(LinkNotValid);
        }

        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == interest.DossierId, cancellationToken);
        return TypedResults.Ok(CandidateView(interest, dossier));
    }

    private static async Task<Results<Ok<CandidateInterestView>, ValidationProblem, NotFoundProblem, ConflictProblem>> CandidateAnswerAsync(
        CandidateInterestAnswerRequest? body, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body?.Agreed is not { } agreed)
        {
            return ValidationErrors.Single("agreed", "Indiquez si vous acceptez (true) ou non (false) d'être contacté par cette entreprise.").ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await ByTokenAsync(db, body.Token, clock, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound(LinkNotValid);
        }

        var interest = await db.Interests.SingleAsync(i => i.Id == found.Id, cancellationToken);
        var dossier = await db.Dossiers.Include(d => d.Partners).SingleAsync(d => d.Id == interest.DossierId, cancellationToken);
        await db.LockAsync(dossier, cancellationToken);
        var candidate = new DossierActor(DossierActorKind.Person, $"candidate:{dossier.Id}", $"{dossier.Content.Identification.FirstName} {dossier.Content.Identification.LastName} (le candidat)");
        if (await AnswerAsync(db, links, dossier, interest, agreed, InterestAnswerer.Candidate, candidate, clock.GetUtcNowForDatabase(), cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(CandidateView(interest, dossier));
    }

    /// <summary>Records the answer and what follows it: the recruiter told, and an agreement puts a published dossier « en recrutement ».</summary>
    internal static async Task<ConflictProblem?> AnswerAsync(
        CandidatesDbContext db, SiteLinks links, Dossier dossier, Interest interest, bool agreed, InterestAnswerer by, DossierActor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!interest.Answer(agreed, by, actor.Name, now))
        {
            return Problems.Conflict($"Le candidat a déjà répondu à cette entreprise : « {Interest.Label(interest.Status)} ».");
        }

        if (agreed)
        {
            db.FollowUpSheets.Add(FollowUpSheet.Open(interest, now));
        }

        if (agreed && dossier.Status == DossierStatus.Published)
        {
            dossier.Move(DossierStatus.InRecruitment, actor, $"Le candidat accepte d'être contacté par {interest.OrganisationName}.", now);
            await DossierStatusChanges.RecordAsync(db, links, dossier, DossierStatus.Published, $"Le candidat accepte d'être contacté par {interest.OrganisationName}.", now, cancellationToken);
        }

        db.AddToOutbox(new InterestAnswered(interest.Id, dossier.NumberText, agreed, new Recipient(interest.RecruiterName, interest.RecruiterEmail), interest.OrganisationName, now)
        {
            CandidateFirstName = dossier.Content.Identification.FirstName,
            InterestLink = links.To($"/espace-membre/vivier/interets/{interest.Id}"),
        }, now);
        return null;
    }

    private static async Task<Interest?> ByTokenAsync(CandidatesDbContext db, string? token, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Interest.HashOf(token.Trim());
        var now = clock.GetUtcNowForDatabase();
        return await db.Interests.AsNoTracking().SingleOrDefaultAsync(i => i.AnswerTokenHash == hash && i.AnswerTokenExpiresAt > now, cancellationToken);
    }

    private static CandidateInterestView CandidateView(Interest interest, Dossier dossier) => new(
        dossier.Content.Identification.FirstName, interest.OrganisationName, interest.Message, Interest.Code(interest.Status), Interest.Label(interest.Status), interest.CreatedAt);

    internal static InterestView View(Interest interest, TalentCardView? card, CandidateContactView? contact, IReadOnlyList<DossierDocumentView> documents) => new(
        interest.Id, card, interest.OrganisationName, interest.RecruiterName, interest.Message, Interest.Code(interest.Status), Interest.Label(interest.Status),
        interest.CreatedAt, interest.AnsweredAt, interest.AnsweredBy switch { InterestAnswerer.Candidate => "candidate", InterestAnswerer.Pilot => "pilot", _ => null },
        contact, documents);
}
