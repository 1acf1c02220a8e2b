using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Images;
using Nege.Membership.OpenIdServer;
using Nege.Membership.Organisations;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Applications;

public sealed record DecisionRequest(string? Decision, DateOnly? BoardMeetingDate, string? Reason);

/// <summary>The board's side: the applications with their 15-day target, one in full, and the decision.</summary>
public static class ApplicationsEndpoints
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const int ReasonMaxLength = 2000;

    private static readonly Dictionary<string, ApplicationStatus[]> Filters = new(StringComparer.Ordinal)
    {
        ["submitted"] = [ApplicationStatus.Submitted],
        ["accepted"] = [ApplicationStatus.Accepted],
        ["refused"] = [ApplicationStatus.Refused],
        ["all"] = [ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.Refused],
    };

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/api/membership/applications").WithTags("Demandes d'adhésion")
            .RequireAccess(AccessPolicies.DecideApplications);
        applications.MapGet("/", ListAsync).WithSummary("Les demandes d'adhésion transmises, avec l'échéance de 15 jours");
        applications.MapGet("/{id:guid}", GetAsync).WithSummary("Une demande d'adhésion complète");
        applications.MapGet("/{id:guid}/logo", (Guid id, HttpContext context, MembershipDbContext db, CancellationToken ct) =>
            ImageAsync(id, context, db, ApplicationImage.Logo, ct)).WithSummary("Le logo de l'organisme demandeur");
        applications.MapGet("/{id:guid}/photo", (Guid id, HttpContext context, MembershipDbContext db, CancellationToken ct) =>
            ImageAsync(id, context, db, ApplicationImage.Photo, ct)).WithSummary("La photo du référent");
        applications.MapPost("/{id:guid}/decision", DecideAsync)
            .WithSummary("Enregistrer la décision du Conseil d'Administration").Accepts<DecisionRequest>("application/json");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<ApplicationSummary>>, ValidationProblem>> ListAsync(
        string? status, int? page, int? pageSize, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        status = string.IsNullOrWhiteSpace(status) ? "submitted" : status.Trim();
        var errors = Paging.Validate(page, pageSize)
            .AddIf(!Filters.ContainsKey(status), "status", $"Le statut doit être l'une des valeurs : {string.Join(", ", Filters.Keys)}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var statuses = Filters[status];
        var query = db.Applications.AsNoTracking().Where(a => statuses.Contains(a.Status));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .Join(db.Accounts, application => application.ReferentAccountId, account => account.Id, (application, account) => new { application, account })
            .OrderBy(row => row.application.SubmittedAt).ThenBy(row => row.application.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var today = clock.TodayInParis();
        return TypedResults.Ok(new PageOf<ApplicationSummary>(
            [.. rows.Select(row => ApplicationViews.Summary(row.application, row.account, today))], number, size, total));
    }

    private static async Task<Results<Ok<ApplicationView>, NotFoundProblem>> GetAsync(
        Guid id, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFound("Cette demande d'adhésion n'existe pas.");
        }

        // The application holds its referent's personal data: who read it is kept in the logs.
        loggers.CreateLogger(typeof(ApplicationsEndpoints)).LogInformation(
            "Membership application {ApplicationId} read by account {AccountId}", application.Id, user.CallerId());
        return TypedResults.Ok(await ApplicationViews.LoadAsync(db, application, clock, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ImageAsync(
        Guid id, HttpContext context, MembershipDbContext db, ApplicationImage image, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, id, cancellationToken);
        return application is null
            ? Problems.NotFound("Cette demande d'adhésion n'existe pas.")
            : await StoredImages.ServeAsync(db, await ApplicationViews.ImageIdAsync(db, application, image, cancellationToken), context, cacheable: false, cancellationToken);
    }

    private static async Task<Results<Ok<ApplicationView>, ValidationProblem, NotFoundProblem, ConflictProblem>> DecideAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, IOptions<MembershipIdentityOptions> identity,
        IOptions<ApplicationOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFound("Cette demande d'adhésion n'existe pas.");
        }

        var body = await JsonBody.ReadAsync<DecisionRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var errors = Validate(body.Errors, input, ParisTime.DateOf(application.SubmittedAt!.Value), ParisTime.DateOf(now));
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // One decision per application, even when two board members record it at the same moment.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplicationDraftsEndpoints.LockAsync(db, application, cancellationToken);
        if (application.Status != ApplicationStatus.Submitted)
        {
            return Problems.Conflict("Décision déjà enregistrée", $"Le Conseil d'Administration a déjà décidé de cette demande ({ApplicationViews.Label(application.Status).ToLowerInvariant()}).");
        }

        var accepted = input.Decision == Accepted;
        var referent = await db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == application.ReferentAccountId, cancellationToken);
        application.Status = accepted ? ApplicationStatus.Accepted : ApplicationStatus.Refused;
        application.BoardMeetingDate = input.BoardMeetingDate;
        application.DecisionReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        application.DecidedAt = now;
        application.DecidedByAccountId = user.CallerId();
        application.DecidedByName = user.CallerName();
        application.UpdatedAt = now;
        // The name stays reserved while an application is open, and no longer.
        application.NormalizedOrganisationName = null;
        if (accepted)
        {
            await AdmitAsync(db, application, referent, user, now, cancellationToken);
        }
        else
        {
            application.EraseAfter = now + options.Value.RefusedRetention;
        }

        db.AddToOutbox(new MembershipApplicationDecided(
            application.Id, application.Organisation.Name!, referent.Email, referent.DisplayName, accepted,
            input.BoardMeetingDate!.Value, application.DecisionReason, now)
        {
            ExtranetLink = accepted ? identity.Value.Link("espace-membre") : null,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        loggers.CreateLogger(typeof(ApplicationsEndpoints)).LogInformation(
            "Membership application {ApplicationId} {Decision} by the board (meeting of {MeetingDate})",
            application.Id, accepted ? "accepted" : "refused", input.BoardMeetingDate);
        return TypedResults.Ok(await ApplicationViews.LoadAsync(db, application, clock, cancellationToken));
    }

    public static ValidationErrors Validate(ValidationErrors errors, DecisionRequest input, DateOnly submittedOn, DateOnly today)
    {
        if (input.Decision is not (Accepted or Refused))
        {
            errors.Add("decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).");
        }

        if (input.BoardMeetingDate is not { } meeting)
        {
            errors.Add("boardMeetingDate", "La date de la réunion du Conseil d'Administration est obligatoire.");
        }
        else if (meeting > today)
        {
            errors.Add("boardMeetingDate", "La date de la réunion du Conseil d'Administration ne peut pas être dans le futur.");
        }
        else if (meeting < submittedOn)
        {
            errors.Add("boardMeetingDate", "La réunion du Conseil d'Administration ne peut pas précéder le dépôt de la demande.");
        }

        if (input.Decision == Refused && string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Le motif du refus est obligatoire.");
        }

        errors.AddIf(input.Reason?.Trim().Length > ReasonMaxLength, "reason", $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        return errors;
    }

    /// <summary>The organisation becomes a member; its referent gets the role and the card; billing and the directory are told.</summary>
    private static async Task AdmitAsync(
        MembershipDbContext db, MembershipApplication application, Account referent, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var draft = application.Organisation;
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Name = draft.Name!,
            Category = draft.Category!,
            CreatedAt = now,
            MemberSince = now,
            ApplicationId = application.Id,
            RegionalHeadOffice = draft.RegionalHeadOffice,
            LogoImageId = draft.LogoImageId,
            Presentation = draft.Presentation,
            Website = draft.Website,
            DigitalSector = draft.DigitalSector,
            CompanyType = draft.CompanyType,
            MainActivities = [.. draft.MainActivities],
            SiteDepartements = [.. draft.SiteDepartements],
            InterventionDepartements = [.. draft.InterventionDepartements],
            AffiliationOrganisationId = draft.AffiliationOrganisationId,
            HrContactAccountId = draft.HrContactAccountId ?? referent.Id,
            PerimeterAlsace = draft.Perimeter?.Alsace ?? 0,
            PerimeterChampagneArdenne = draft.Perimeter?.ChampagneArdenne ?? 0,
            PerimeterLorraine = draft.Perimeter?.Lorraine ?? 0,
            StartupCreationDate = draft.Startup?.CreationDate,
            StartupHeadcount = draft.Startup?.Headcount,
            StartupTurnoverBand = draft.Startup?.TurnoverBand,
            SyntecStartupPack = draft.Startup?.SyntecStartupPack,
            CardChangedAt = now,
        };
        db.Organisations.Add(organisation);
        application.OrganisationId = organisation.Id;
        referent.OrganisationId = organisation.Id;
        if (referent.Grant(NegeRoles.Referent, user.CallerId(), user.CallerName(), now) is { } granted)
        {
            db.RoleChanges.Add(granted);
        }

        var referentReference = new PersonReference(referent.Id, referent.DisplayName, referent.Email);
        var hrContact = organisation.HrContactAccountId == referent.Id
            ? referentReference
            : await db.Accounts.Where(a => a.Id == organisation.HrContactAccountId)
                .Select(a => new PersonReference(a.Id, a.FirstName + " " + a.LastName, a.Email)).SingleAsync(cancellationToken);
        var affiliation = organisation.AffiliationOrganisationId is { } affiliationId
            ? await db.Organisations.Where(o => o.Id == affiliationId).Select(o => new OrganisationReference(o.Id, o.Name)).SingleAsync(cancellationToken)
            : null;
        db.AddToOutbox(new MembershipApproved(
            organisation.Id, application.Id, organisation.Name, organisation.Category, organisation.RegionalHeadOffice!,
            organisation.DigitalSector!.Value, organisation.CompanyType, organisation.MainActivities, organisation.SiteDepartements,
            organisation.InterventionDepartements,
            new MembershipPerimeter(organisation.PerimeterAlsace, organisation.PerimeterChampagneArdenne, organisation.PerimeterLorraine),
            affiliation,
            draft.Startup is { CreationDate: { } created, Headcount: { } headcount, TurnoverBand: { } band } startup
                ? new StartupFacts(created, headcount, band, startup.SyntecStartupPack)
                : null,
            referentReference, hrContact, now), now);
        db.AddToOutbox(OrganisationCards.Changed(organisation, hrContact, now), now);
    }

    private static Task<MembershipApplication?> FindAsync(MembershipDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.Status != ApplicationStatus.Draft, cancellationToken);
}

/// <summary>The <c>Membership:Applications</c> configuration section.</summary>
public sealed class ApplicationOptions
{
    /// <summary>How long a refused application (and the applicant's account opened for it) is kept before it is erased.</summary>
    public TimeSpan RefusedRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a draft nobody touches is kept before it is erased.</summary>
    public TimeSpan AbandonedDraftRetention { get; set; } = TimeSpan.FromDays(60);

    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
