using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Organisations;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nege.Membership.PartnerClients;

public sealed record CreatePartnerClientRequest(Guid? OrganisationId, string[]? Scopes);

public sealed record PartnerClientView(
    string ClientId, Guid OrganisationId, string OrganisationName, IReadOnlyList<string> Scopes, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? SecretRotatedAt, DateTimeOffset? RevokedAt);

/// <summary>The secret appears in this answer only: it is stored hashed and cannot be read again.</summary>
public sealed record PartnerClientSecret(
    string ClientId, string ClientSecret, Guid OrganisationId, string OrganisationName, IReadOnlyList<string> Scopes, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? SecretRotatedAt);

/// <summary>Administrators give employment partners' systems API access: create, rotate the secret, revoke.</summary>
public static class PartnerClientsEndpoints
{
    public static IEndpointRouteBuilder MapPartnerClients(this IEndpointRouteBuilder routes)
    {
        var clients = routes.MapGroup("/api/membership/partner-clients").WithTags("Clients API des partenaires")
            .RequireAccess(AccessPolicies.ManagePartnerClients);
        clients.MapGet("/", ListAsync).WithSummary("Lister les clients API");
        clients.MapPost("/", CreateAsync).WithSummary("Créer un client API pour un partenaire emploi (secret montré une seule fois)")
            .Accepts<CreatePartnerClientRequest>("application/json");
        clients.MapPost("/{clientId}/rotate", RotateAsync).WithSummary("Remplacer le secret (montré une seule fois)");
        clients.MapPost("/{clientId}/revoke", RevokeAsync).WithSummary("Révoquer le client");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<PartnerClientView>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, MembershipDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { IsEmpty: false } invalid)
        {
            return invalid.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var total = await db.PartnerClients.CountAsync(cancellationToken);
        var clients = await db.PartnerClients.AsNoTracking()
            .OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.ClientId)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var organisationIds = clients.Select(c => c.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return TypedResults.Ok(new PageOf<PartnerClientView>([.. clients.Select(c => View(c, names.GetValueOrDefault(c.OrganisationId, "")))], number, size, total));
    }

    private static async Task<Results<Created<PartnerClientSecret>, ValidationProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, MembershipDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CreatePartnerClientRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var errors = body.Errors;
        Organisation? organisation = null;
        if (input.OrganisationId is not { } organisationId)
        {
            errors.Add("organisationId", "L'organisme est obligatoire.");
        }
        else if ((organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)) is null)
        {
            errors.Add("organisationId", "Cet organisme n'existe pas.");
        }
        else if (organisation.Category != MembershipForm.EmploymentPartner)
        {
            errors.Add("organisationId", $"Seul un organisme de catégorie « {MembershipForm.EmploymentPartner} » peut recevoir un client API.");
        }

        var scopes = (input.Scopes ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0)
        {
            errors.Add("scopes", $"Choisissez au moins une portée : {string.Join(", ", NegeScopes.Partner)}.");
        }

        foreach (var scope in scopes.Where(scope => !NegeScopes.Partner.Contains(scope)))
        {
            errors.Add("scopes", $"La portée « {scope} » n'existe pas. Portées possibles : {string.Join(", ", NegeScopes.Partner)}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var client = new PartnerClient
        {
            ClientId = "partenaire-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            OrganisationId = organisation!.Id,
            Scopes = scopes,
            CreatedAt = now,
            CreatedBy = user.CallerId() ?? Guid.Empty,
        };
        var secret = NewSecret();

        // OpenIddict's store shares this DbContext: the application and our row commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(Descriptor(client, organisation.Name, secret), cancellationToken);
        db.PartnerClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Created(
            $"/api/membership/partner-clients/{client.ClientId}",
            new PartnerClientSecret(client.ClientId, secret, client.OrganisationId, organisation.Name, client.Scopes, "active", client.CreatedAt, null));
    }

    private static async Task<Results<Ok<PartnerClientSecret>, NotFoundProblem, ConflictProblem>> RotateAsync(
        string clientId, MembershipDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, clientId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Aucun client API ne porte cet identifiant.");
        }

        if (found.Client.RevokedAt is not null)
        {
            return Problems.Conflict("Ce client est révoqué : créez-en un nouveau.");
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
                          ?? throw new InvalidOperationException($"Partner client {clientId} has no OpenIddict application.");
        var secret = NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.UpdateAsync(application, Descriptor(found.Client, found.OrganisationName, secret), cancellationToken);
        found.Client.SecretRotatedAt = clock.GetUtcNowForDatabase();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var client = found.Client;
        return TypedResults.Ok(new PartnerClientSecret(
            client.ClientId, secret, client.OrganisationId, found.OrganisationName, client.Scopes, "active", client.CreatedAt, client.SecretRotatedAt));
    }

    private static async Task<Results<Ok<PartnerClientView>, NotFoundProblem>> RevokeAsync(
        string clientId, ClaimsPrincipal user, MembershipDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, clientId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Aucun client API ne porte cet identifiant.");
        }

        if (found.Client.RevokedAt is null)
        {
            // Deleting the application (and its tokens) makes every further token request fail as invalid_client.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
            {
                await applications.DeleteAsync(application, cancellationToken);
            }

            found.Client.RevokedAt = clock.GetUtcNowForDatabase();
            found.Client.RevokedBy = user.CallerId();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(View(found.Client, found.OrganisationName));
    }

    private sealed record ClientWithOrganisation(PartnerClient Client, string OrganisationName);

    private static async Task<ClientWithOrganisation?> FindAsync(MembershipDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var client = await db.PartnerClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        return client is null
            ? null
            : new ClientWithOrganisation(client, await db.Organisations.Where(o => o.Id == client.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken));
    }

    private static PartnerClientView View(PartnerClient client, string organisationName) => new(
        client.ClientId, client.OrganisationId, organisationName, client.Scopes, client.RevokedAt is null ? "active" : "revoked",
        client.CreatedAt, client.SecretRotatedAt, client.RevokedAt);

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static OpenIddictApplicationDescriptor Descriptor(PartnerClient client, string organisationName, string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"Partenaire emploi : {organisationName}",
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return descriptor;
    }
}
