using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Candidates;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Membership.Tests;

/// <summary>The role « candidate » follows the dossier in Candidates: given when attached, withdrawn when the dossier is erased.</summary>
[Collection(MembershipCollection.Name)]
public sealed class CandidateRoleTests(MembershipService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Attaching_a_dossier_gives_the_role_and_its_erasure_takes_it_back_each_logged()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var suffix = Applicants.NewSuffix();
        using var created = await admin.PostAsJsonAsync("/api/membership/accounts", new
        {
            email = $"candidate-{suffix}@exemple.fr", userName = $"candidate.{suffix}", civility = "Madame", lastName = "Martin", firstName = "Élodie",
            organisationId = (Guid?)null, roles = Array.Empty<string>(),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var bus = service.Factory.Services.GetRequiredService<IBus>();
        Task<string[]> RolesAsync() => service.QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).SelectMany(a => a.Roles.Select(r => r.Role)).ToArrayAsync());

        await bus.Publish(new CandidateAttached(accountId, Guid.NewGuid(), DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await RolesAsync()).Contains(NegeRoles.Candidate), Timeout, "the role given");

        await bus.Publish(new DossierErased(Guid.NewGuid(), "D-000001", $"candidate-{suffix}@exemple.fr", "durée de conservation écoulée", DateTimeOffset.UtcNow) { AccountId = accountId });
        await Eventually.UntilAsync(async () => !(await RolesAsync()).Contains(NegeRoles.Candidate), Timeout, "the role withdrawn");

        var changes = await service.QueryAsync(db => db.RoleChanges.Where(c => c.AccountId == accountId && c.Role == NegeRoles.Candidate).OrderBy(c => c.At).ToListAsync());
        Assert.Equal([(RoleChange.Granted, CandidateRole.GrantedBy), (RoleChange.Withdrawn, CandidateRole.WithdrawnBy)], changes.Select(c => (c.Change, c.ByName)));
    }
}
