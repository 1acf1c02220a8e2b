using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Organisations;

public sealed record CreateOrganisationRequest(string? Name, string? Category);

public sealed record OrganisationView(Guid Id, string Name, string Category, DateTimeOffset CreatedAt);

/// <summary>Administrators list and register organisations (the membership application will create most of them).</summary>
public static class OrganisationsEndpoints
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder routes)
    {
        var organisations = routes.MapGroup("/api/membership/organisations").WithTags("Organismes").RequireAccess(AccessPolicies.ManageOrganisations);
        organisations.MapGet("/", SearchAsync).WithSummary("Rechercher des organismes");
        organisations.MapPost("/", CreateAsync).WithSummary("Enregistrer un organisme").Accepts<CreateOrganisationRequest>("application/json");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<OrganisationView>>, ValidationProblem>> SearchAsync(
        string? search, string? category, int? page, int? pageSize, MembershipDbContext db, CancellationToken cancellationToken)
    {
        // An empty filter (a form's « all categories ») is no filter.
        category = string.IsNullOrWhiteSpace(category) ? null : category;
        var errors = Paging.Validate(page, pageSize)
            .AddIf(category is not null && !MembershipForm.OrganisationCategories.Contains(category), "category",
                $"La catégorie doit être l'une des valeurs : {string.Join(", ", MembershipForm.OrganisationCategories)}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(o => EF.Functions.ILike(o.Name, $"%{Paging.EscapeLike(search.Trim())}%"));
        }

        if (category is not null)
        {
            query = query.Where(o => o.Category == category);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size)
            .Select(o => new OrganisationView(o.Id, o.Name, o.Category, o.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<OrganisationView>(items, number, size, total));
    }

    private static async Task<Results<Created<OrganisationView>, ValidationProblem>> CreateAsync(
        HttpRequest request, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreateOrganisationRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "La raison sociale est obligatoire.");
        }
        else if (name.Length > Organisation.NameMaxLength)
        {
            errors.Add("name", $"La raison sociale ne doit pas dépasser {Organisation.NameMaxLength} caractères.");
        }

        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add("category", "La catégorie d'organisme est obligatoire.");
        }
        else if (!MembershipForm.OrganisationCategories.Contains(input.Category))
        {
            errors.Add("category", $"La catégorie doit être l'une des valeurs : {string.Join(", ", MembershipForm.OrganisationCategories)}.");
        }

        if (errors.IsEmpty)
        {
            var normalized = Accounts.Account.Normalize(name!);
            errors.AddIf(await db.Organisations.AnyAsync(o => o.Name.ToUpper() == normalized, cancellationToken),
                "name", "Un organisme porte déjà ce nom.");
            errors.AddIf(await db.Applications.AnyAsync(a => a.NormalizedOrganisationName == normalized, cancellationToken),
                "name", "Une demande d'adhésion est en cours pour un organisme de ce nom : le Conseil d'Administration en décide.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        // Registered by the association itself: a member from the start (a professional organisation can then be chosen as affiliation).
        var organisation = new Organisation { Id = Guid.CreateVersion7(now), Name = name!, Category = input.Category!, CreatedAt = now, MemberSince = now };
        db.Organisations.Add(organisation);
        db.AddToOutbox(new OrganisationRegistered(organisation.Id, organisation.Name, organisation.Category, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/membership/organisations/{organisation.Id}",
            new OrganisationView(organisation.Id, organisation.Name, organisation.Category, organisation.CreatedAt));
    }
}
