using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Api.Membership;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Images;
using Nege.Membership.OpenIdServer;
using Nege.Membership.Organisations;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Npgsql;

namespace Nege.Membership.Applications;

/// <summary>
/// The applicant's side of « Devenir adhérent »: part 1 opens the referent's account and the draft;
/// part 2 is saved as often as wanted; submission sends it to the president and the board.
/// A draft opens with the key given once at creation (the site keeps it in a cookie), or with the
/// referent's own access token once they have chosen a password and logged in.
/// </summary>
public static class ApplicationDraftsEndpoints
{
    public const string KeyHeader = "Nege-Application-Key";

    private const string NotFoundDetail = "Cette demande d'adhésion n'existe pas, ou la clé qui l'ouvre n'est pas la bonne.";

    public static IEndpointRouteBuilder MapApplicationDrafts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/membership/affiliations", AffiliationsAsync)
            .WithTags("Demandes d'adhésion").WithSummary("Organisations professionnelles membres (affiliation possible)").AllowEveryone();

        routes.MapGet("/api/membership/application-drafts/mine", MineAsync)
            .WithTags("Demandes d'adhésion").WithSummary("Ma demande d'adhésion en cours (brouillon)").RequireAccess(AccessPolicies.OwnAccount);
        routes.MapPost("/api/membership/application-drafts/mine", CreateMineAsync)
            .WithTags("Demandes d'adhésion").WithSummary("Partie 1 avec mon compte : le brouillon, sans nouveau compte")
            .Accepts<OwnAccountReferentRequest>("application/json").RequireAccess(AccessPolicies.OwnAccount);

        // Public: the draft's key (or the referent's own token) opens each draft; anything else is a 404.
        var drafts = routes.MapGroup("/api/membership/application-drafts").WithTags("Demandes d'adhésion").AllowEveryone();
        drafts.MapPost("/", CreateAsync)
            .WithSummary("Partie 1 — Référent de l'organisme : ouvre le compte et le brouillon").Accepts<ReferentRequest>("application/json");
        drafts.MapGet("/{id:guid}", GetAsync).WithSummary("Le brouillon (clé dans l'en-tête Nege-Application-Key)");
        drafts.MapPut("/{id:guid}/referent", UpdateReferentAsync)
            .WithSummary("Partie 1 — modifier les informations du référent").Accepts<ReferentUpdateRequest>("application/json");
        drafts.MapPut("/{id:guid}/organisation", SaveOrganisationAsync)
            .WithSummary("Partie 2 — Organisme : enregistrer le brouillon").Accepts<OrganisationRequest>("application/json");
        drafts.MapPost("/{id:guid}/submission", SubmitAsync).WithSummary("Transmettre la demande au Président et au Conseil d'Administration");
        drafts.MapGet("/{id:guid}/logo", (Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, CancellationToken ct) =>
            ImageAsync(id, request, user, db, ApplicationImage.Logo, ct)).WithSummary("Le logo du brouillon");
        drafts.MapGet("/{id:guid}/photo", (Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, CancellationToken ct) =>
            ImageAsync(id, request, user, db, ApplicationImage.Photo, ct)).WithSummary("La photo du référent");
        drafts.MapGet("/{id:guid}/hr-contacts", HrContactsAsync).WithSummary("Les utilisateurs qui peuvent être contact RH");
        return routes;
    }

    private static async Task<Results<Created<ApplicationView>, ValidationProblem>> CreateAsync(
        HttpRequest request, MembershipDbContext db, AccountService accounts, IOptions<MembershipIdentityOptions> options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReferentRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        var now = clock.GetUtcNowForDatabase();
        AccountRules.ValidateEmail(errors, "email", input.Email);
        AccountRules.ValidateUserName(errors, "userName", input.UserName);
        var (contact, photo) = ReferentAnswers.Validate(errors, input, now);
        errors.AddIf(input.Consent is not true, "consent",
            "Vous devez confirmer avoir pris connaissance des conditions d'utilisation des données de votre profil utilisateur (mentions légales).");
        if (!errors.IsEmpty || !(await accounts.CheckUniqueAsync(errors, input.Email!, input.UserName!, cancellationToken)).IsEmpty)
        {
            return errors.ToProblem();
        }

        var account = AccountService.NewAccount(input.Email!, input.UserName!, input.Civility!, input.LastName!, input.FirstName!, input.Function, null, now);
        ReferentAnswers.TakeContact(db, account, contact, photo);
        db.Accounts.Add(account);

        var (application, key) = MembershipApplication.NewDraft(account.Id, now);
        db.Applications.Add(application);
        db.AddToOutbox(new NotificationPreferencesChanged(account.Id, account.Email, contact.NotificationCategories, now), now);
        var (token, secret) = AccountToken.Issue(account.Id, AccountTokenPurpose.SetPassword, now, options.Value.InvitationLinkLifetime);
        db.AccountTokens.Add(token);
        db.AddToOutbox(new ApplicantAccountOpened(
            account.Id, application.Id, account.Email, account.FirstName, account.LastName,
            options.Value.Link($"compte/nouveau-mot-de-passe?jeton={secret}"), token.ExpiresAt), now);

        var (created, conflicts) = await accounts.SaveNewAccountAsync(account, errors, cancellationToken);
        if (created is null)
        {
            return conflicts.ToProblem();
        }

        loggers.CreateLogger(typeof(ApplicationDraftsEndpoints)).LogInformation(
            "Membership application {ApplicationId} opened by account {AccountId}", application.Id, account.Id);
        var view = await ApplicationViews.LoadAsync(db, application, clock, cancellationToken);
        return TypedResults.Created($"/api/membership/application-drafts/{application.Id}", view with { Key = key });
    }

    /// <summary>
    /// Part 1 by a person already logged in: their own account becomes the referent's (its identity and
    /// contact details updated from the form), no new account and no e-mail.
    /// </summary>
    private static async Task<Results<Created<ApplicationView>, ValidationProblem, NotFoundProblem, ConflictProblem>> CreateMineAsync(
        HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var accountId = user.CallerId();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("Ce compte n'existe plus.");
        }

        if (account.OrganisationId is { } organisationId)
        {
            var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
            return Problems.Conflict("Compte déjà rattaché à un organisme",
                $"Votre compte est rattaché à l'organisme « {organisation} » : une demande d'adhésion se fait avec un compte qui n'appartient encore à aucun organisme.");
        }

        if (await db.Applications.AnyAsync(a => a.ReferentAccountId == account.Id
                                                && (a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.Submitted), cancellationToken))
        {
            return Problems.Conflict("Demande déjà en cours", "Vous avez déjà une demande d'adhésion en cours : reprenez-la plutôt que d'en commencer une autre.");
        }

        var body = await JsonBody.ReadAsync<OwnAccountReferentRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        var now = clock.GetUtcNowForDatabase();
        var (contact, photo) = ReferentAnswers.Validate(errors, input, now);
        errors.AddIf(input.Consent is not true, "consent",
            "Vous devez confirmer avoir pris connaissance des conditions d'utilisation des données de votre profil utilisateur (mentions légales).");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await ReferentAnswers.TakeAsync(db, account, input, contact, photo, cancellationToken);
        var (application, key) = MembershipApplication.NewDraft(account.Id, now);
        db.Applications.Add(application);
        db.AddToOutbox(new NotificationPreferencesChanged(account.Id, account.Email, contact.NotificationCategories, now), now);
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(ApplicationDraftsEndpoints)).LogInformation(
            "Membership application {ApplicationId} opened by account {AccountId} (logged in)", application.Id, account.Id);
        var view = await ApplicationViews.LoadAsync(db, application, clock, cancellationToken);
        return TypedResults.Created($"/api/membership/application-drafts/{application.Id}", view with { Key = key });
    }

    private static async Task<Results<Ok<ApplicationView>, NotFoundProblem>> MineAsync(
        ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = user.CallerId();
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.ReferentAccountId == accountId && a.Status == ApplicationStatus.Draft)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return application is null
            ? Problems.NotFound("Vous n'avez pas de demande d'adhésion en cours de saisie.")
            : TypedResults.Ok(await ApplicationViews.LoadAsync(db, application, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ApplicationView>, NotFoundProblem>> GetAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var application = await FindAsync(id, request, user, db, cancellationToken);
        return application is null
            ? Problems.NotFound(NotFoundDetail)
            : TypedResults.Ok(await ApplicationViews.LoadAsync(db, application, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ApplicationView>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateReferentAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (application, input, errors, refusal) = await OpenForEditAsync<ReferentUpdateRequest>(id, request, user, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = clock.GetUtcNowForDatabase();
        var (contact, photo) = ReferentAnswers.Validate(errors, input, now);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // Submitted meanwhile? Then it is no longer a draft: nothing is written after the submission.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockDraftAsync(db, application, cancellationToken))
        {
            return NoLongerADraft();
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == application.ReferentAccountId, cancellationToken);
        await ReferentAnswers.TakeAsync(db, account, input, contact, photo, cancellationToken);
        db.AddToOutbox(new NotificationPreferencesChanged(account.Id, account.Email, contact.NotificationCategories, now), now);
        application.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ApplicationViews.LoadAsync(db, application, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ApplicationView>, ValidationProblem, NotFoundProblem, ConflictProblem>> SaveOrganisationAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (application, input, errors, refusal) = await OpenForEditAsync<OrganisationRequest>(id, request, user, db, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = clock.GetUtcNowForDatabase();
        var draft = ApplicationForm.ValidateOrganisation(errors, input, application.Organisation);
        var logo = input.Logo is { Length: > 0 } ? UploadedImage.Accept(input.Logo, ImageLimits.Logo, "logo", errors, now) : null;
        var affiliation = await OrganisationChoices.AffiliationAsync(db, errors, input.AffiliationOrganisationId, exceptOrganisationId: null, cancellationToken);
        var hrContact = await OrganisationChoices.HrContactAsync(
            db, errors, input.HrContactUserName, application.ReferentAccountId, organisationId: null, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // Submitted meanwhile? Then it is no longer a draft: what was sent to the president stays as sent.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockDraftAsync(db, application, cancellationToken))
        {
            return NoLongerADraft();
        }

        if (logo is not null)
        {
            db.Images.Add(logo);
            await StoredImages.DeleteAsync(db, application.Organisation.LogoImageId, cancellationToken);
        }

        application.Organisation = draft with
        {
            LogoImageId = logo?.Id ?? application.Organisation.LogoImageId,
            AffiliationOrganisationId = affiliation,
            HrContactAccountId = hrContact,
        };
        application.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ApplicationViews.LoadAsync(db, application, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ApplicationView>, ValidationProblem, NotFoundProblem, ConflictProblem>> SubmitAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, IOptions<MembershipIdentityOptions> options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var application = await FindAsync(id, request, user, db, cancellationToken);
        if (application is null)
        {
            return Problems.NotFound(NotFoundDetail);
        }

        // Submitted once even when the button is clicked twice: the second request waits here, then sees it submitted.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(application, cancellationToken);
        if (application.Status != ApplicationStatus.Draft)
        {
            return Problems.Conflict("Demande déjà transmise", "Cette demande d'adhésion a déjà été transmise à l'association.");
        }

        var now = clock.GetUtcNowForDatabase();
        if (ApplicationForm.Missing(application.Organisation, ParisTime.DateOf(now)) is { IsEmpty: false } missing)
        {
            return missing.ToProblem();
        }

        var name = application.Organisation.Name!;
        var normalized = Account.Normalize(name);
        if (await db.Organisations.AnyAsync(o => o.Name.ToUpper() == normalized, cancellationToken))
        {
            return SameName($"L'organisme « {name} » est déjà connu de l'association : s'il s'agit du vôtre, contactez l'association plutôt que de déposer une nouvelle demande.");
        }

        application.Submit(now);
        var view = await ApplicationViews.LoadAsync(db, application, clock, cancellationToken);
        db.AddToOutbox(new MembershipApplicationSubmitted(application.Id, name, view.Referent.Email, now)
        {
            ContactName = $"{view.Referent.FirstName} {view.Referent.LastName}",
            Category = application.Organisation.Category,
            DecisionDueOn = application.DecisionDueOn,
            ExtranetLink = options.Value.Link($"espace-membre/adhesions/{application.Id}"),
            Contents = ApplicationViews.Contents(view),
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SameName($"Une demande d'adhésion est déjà en cours pour l'organisme « {name} » : un organisme n'a qu'une demande ouverte à la fois.");
        }

        loggers.CreateLogger(typeof(ApplicationDraftsEndpoints)).LogInformation(
            "Membership application {ApplicationId} submitted for {Organisation}, due on {DueOn}", application.Id, name, application.DecisionDueOn);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ImageAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, ApplicationImage image, CancellationToken cancellationToken)
    {
        var application = await FindAsync(id, request, user, db, cancellationToken);
        return application is null
            ? Problems.NotFound(NotFoundDetail)
            : await StoredImages.ServeAsync(
                db, await ApplicationViews.ImageIdAsync(db, application, image, cancellationToken), request.HttpContext, cacheable: false, cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonChoice>>, NotFoundProblem>> HrContactsAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var application = await FindAsync(id, request, user, db, cancellationToken);
        if (application is null)
        {
            return Problems.NotFound(NotFoundDetail);
        }

        IReadOnlyList<PersonChoice> people = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == application.ReferentAccountId || (application.OrganisationId != null && a.OrganisationId == application.OrganisationId))
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new PersonChoice(a.Id.ToString(), a.UserName, a.FirstName + " " + a.LastName))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(people);
    }

    private static async Task<Ok<IReadOnlyList<OrganisationChoice>>> AffiliationsAsync(MembershipDbContext db, CancellationToken cancellationToken)
    {
        IReadOnlyList<OrganisationChoice> choices = await db.Organisations.AsNoTracking()
            .Where(o => o.Category == MembershipForm.ProfessionalOrganisation && o.MemberSince != null)
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationChoice(o.Id.ToString(), o.Name))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(choices);
    }

    /// <summary>The draft the request may open: by its key, or as its referent; null otherwise (answered 404).</summary>
    private static async Task<MembershipApplication?> FindAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return null;
        }

        if (request.Headers[KeyHeader].ToString() is { Length: > 0 } key && application.OpensWith(key))
        {
            return application;
        }

        return user.IsPerson() && user.CallerId() == application.ReferentAccountId ? application : null;
    }

    /// <summary>
    /// A draft opened for a change: found with its key or token, still a draft, its body read. Otherwise
    /// the answer that refuses the change.
    /// </summary>
    private static async Task<(MembershipApplication Application, T Input, ValidationErrors Errors,
        Results<Ok<ApplicationView>, ValidationProblem, NotFoundProblem, ConflictProblem>? Refusal)> OpenForEditAsync<T>(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
        where T : class
    {
        var application = await FindAsync(id, request, user, db, cancellationToken);
        if (application is null)
        {
            return (null!, null!, new ValidationErrors(), Problems.NotFound(NotFoundDetail));
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return (null!, null!, new ValidationErrors(), NoLongerADraft());
        }

        var body = await JsonBody.ReadAsync<T>(request, cancellationToken);
        return body.Value is { } input
            ? (application, input, body.Errors, null)
            : (null!, null!, body.Errors, body.Errors.ToProblem());
    }

    /// <summary>Locks the draft's row in the caller's transaction; false when it was submitted meanwhile.</summary>
    private static async Task<bool> LockDraftAsync(MembershipDbContext db, MembershipApplication application, CancellationToken cancellationToken)
    {
        await db.LockAsync(application, cancellationToken);
        return application.Status == ApplicationStatus.Draft;
    }

    private static ConflictProblem NoLongerADraft() =>
        Problems.Conflict("Demande déjà transmise", "Cette demande d'adhésion a été transmise : elle ne peut plus être modifiée.");

    private static ConflictProblem SameName(string detail) => Problems.Conflict("Organisme déjà connu", detail);
}
