using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Accounts;

public sealed record NotificationPreferences(IReadOnlyList<string>? Categories);

/// <summary>« Notifications de publication d'une actualité »: each person chooses the categories of their daily digest.</summary>
public static class NotificationPreferencesEndpoints
{
    public static IEndpointRouteBuilder MapNotificationPreferences(this IEndpointRouteBuilder routes)
    {
        var preferences = routes.MapGroup("/api/membership/me/notification-preferences").WithTags("Comptes").RequireAccess(AccessPolicies.OwnAccount);
        preferences.MapGet("/", GetAsync).WithSummary("Mes notifications d'actualités");
        preferences.MapPut("/", UpdateAsync).WithSummary("Choisir mes notifications d'actualités").Accepts<NotificationPreferences>("application/json");
        return routes;
    }

    private static async Task<Results<Ok<NotificationPreferences>, NotFoundProblem>> GetAsync(
        ClaimsPrincipal user, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var accountId = user.CallerId();
        var categories = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.NotificationCategories).SingleOrDefaultAsync(cancellationToken);
        return categories is null ? Problems.NotFound("Ce compte n'existe plus.") : TypedResults.Ok(new NotificationPreferences(categories));
    }

    private static async Task<Results<Ok<NotificationPreferences>, ValidationProblem, NotFoundProblem>> UpdateAsync(
        HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<NotificationPreferences>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors.AddIf(input.Categories is null, "categories", "La liste des catégories est obligatoire (vide pour ne recevoir aucune notification).");
        var categories = FormRules.ManyOf(errors, "categories", input.Categories, MembershipForm.NewsCategories, "Les notifications");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var accountId = user.CallerId();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("Ce compte n'existe plus.");
        }

        var now = clock.GetUtcNowForDatabase();
        account.NotificationCategories = [.. categories];
        db.AddToOutbox(new NotificationPreferencesChanged(account.Id, account.Email, categories, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPreferences(categories));
    }
}
