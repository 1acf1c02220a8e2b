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

namespace Nege.Membership.Applications;

/// <summary>The board's side: the applications with their 15-day target, one in full, and the decision.</summary>
public static class ApplicationsEndpoints
{
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
        var errors = Admission.Validate(body.Errors, input, ParisTime.DateOf(application.SubmittedAt!.Value), ParisTime.DateOf(now));
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // One decision per application, even when two board members record it at the same moment.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(application, cancellationToken);
        if (application.Status != ApplicationStatus.Submitted)
        {
            return Problems.Conflict("Décision déjà enregistrée", $"Le Conseil d'Administration a déjà décidé de cette demande ({ApplicationViews.Label(application.Status).ToLowerInvariant()}).");
        }

        var accepted = input.Decision == Admission.Accepted;
        var referent = await db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == application.ReferentAccountId, cancellationToken);
        application.Decide(accepted, input.BoardMeetingDate!.Value, input.Reason, user.CallerId(), user.CallerName(), now, options.Value.RefusedRetention);
        if (accepted)
        {
            await Admission.AdmitAsync(db, application, referent, user.CallerId(), user.CallerName(), now, cancellationToken);
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
