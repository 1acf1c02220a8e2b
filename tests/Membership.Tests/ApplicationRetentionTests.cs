using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Membership;
using Nege.Membership.Applications;

namespace Membership.Tests;

/// <summary>
/// Refused applications are erased at the end of their retention period, and drafts nobody touched for
/// long enough too: with them go their logo and the applicant's account opened for them.
/// </summary>
[Collection(MembershipCollection.Name)]
public sealed class ApplicationRetentionTests(MembershipService service)
{
    private readonly Applicants _applicants = new(service);

    [Fact]
    public async Task A_refused_application_past_its_retention_is_erased_with_its_logo_and_the_applicants_account()
    {
        var expired = await RefusedWithPhotoAsync();
        var kept = await RefusedWithPhotoAsync();
        await service.QueryAsync(db => db.Applications.Where(a => a.Id == expired.Draft.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.EraseAfter, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await RunRetentionAsync();

        await AssertErasedAsync(expired);
        await AssertKeptAsync(kept);
        Assert.True(await service.QueryAsync(db => db.Applications.Where(a => a.Id == kept.Draft.Id).Select(a => a.EraseAfter).SingleAsync()) > DateTimeOffset.UtcNow.AddDays(89));
    }

    [Fact]
    public async Task A_draft_nobody_touched_for_60_days_is_erased_and_a_recent_one_is_kept()
    {
        var abandoned = await DraftWithPhotoAsync();
        var recent = await DraftWithPhotoAsync();
        var fresh = await DraftWithPhotoAsync();
        await SetUpdatedAtAsync(abandoned.Draft.Id, DateTimeOffset.UtcNow.AddDays(-61));
        await SetUpdatedAtAsync(recent.Draft.Id, DateTimeOffset.UtcNow.AddDays(-59));

        await RunRetentionAsync();

        await AssertErasedAsync(abandoned);
        await AssertKeptAsync(recent);
        await AssertKeptAsync(fresh);
        using var withKey = _applicants.WithKey(abandoned.Draft.Key);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await withKey.GetAsync($"/api/membership/application-drafts/{abandoned.Draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task Submitted_and_accepted_applications_are_never_erased_however_old()
    {
        var submitted = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        var (accepted, organisationId) = await _applicants.MemberAsync(Applicants.NewSuffix());
        foreach (var id in new[] { submitted.Id, accepted.Id })
        {
            await SetUpdatedAtAsync(id, DateTimeOffset.UtcNow.AddYears(-2));
        }

        await RunRetentionAsync();

        Assert.Equal(2, await service.QueryAsync(db => db.Applications.CountAsync(a => a.Id == submitted.Id || a.Id == accepted.Id)));
        Assert.True(await service.QueryAsync(db => db.Accounts.AnyAsync(a => a.Id == accepted.AccountId && a.OrganisationId == organisationId)));
        var logo = await service.QueryAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.LogoImageId).SingleAsync());
        Assert.True(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == logo)));
    }

    [Fact]
    public async Task The_account_of_a_refused_applicant_who_has_since_joined_an_organisation_is_kept()
    {
        var refused = await RefusedWithPhotoAsync();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var organisationId = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Employeur {Applicants.NewSuffix()}", "Entreprise");
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await admin.PutAsJsonAsync($"/api/membership/accounts/{refused.Draft.AccountId}/organisation", new { organisationId })).StatusCode);
        await service.QueryAsync(db => db.Applications.Where(a => a.Id == refused.Draft.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.EraseAfter, DateTimeOffset.UtcNow.AddDays(-1))));

        await RunRetentionAsync();

        Assert.False(await service.QueryAsync(db => db.Applications.AnyAsync(a => a.Id == refused.Draft.Id)));
        Assert.False(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == refused.LogoId)));
        var account = await service.QueryAsync(db => db.Accounts.SingleOrDefaultAsync(a => a.Id == refused.Draft.AccountId));
        Assert.NotNull(account);
        Assert.Equal(organisationId, account.OrganisationId);
        Assert.Equal(refused.PhotoId, account.PhotoImageId);
        Assert.True(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == refused.PhotoId)));
    }

    [Fact]
    public async Task An_abandoned_draft_started_with_an_existing_account_goes_but_the_account_stays()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var suffix = Applicants.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/membership/accounts", new
        {
            email = $"ancien-{suffix}@exemple.fr", userName = $"ancien.{suffix}", civility = "Madame", lastName = "Ancienne", firstName = "Eve",
            roles = Array.Empty<string>(),
        });
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var person = service.CreateClient(service.Tokens.ForPerson([], subject: accountId, name: "Eve Ancienne", email: $"ancien-{suffix}@exemple.fr"));
        var draft = await person.PostAsJsonAsync("/api/membership/application-drafts/mine",
            new { civility = "Madame", lastName = "Ancienne", firstName = "Eve", consent = true });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SetUpdatedAtAsync(draftId, DateTimeOffset.UtcNow.AddDays(-61));

        await RunRetentionAsync();

        Assert.False(await service.QueryAsync(db => db.Applications.AnyAsync(a => a.Id == draftId)));
        Assert.True(await service.QueryAsync(db => db.Accounts.AnyAsync(a => a.Id == accountId)));
    }

    private sealed record Applied(OpenedDraft Draft, Guid? LogoId, Guid PhotoId);

    private async Task<Applied> DraftWithPhotoAsync()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix(), body => body["photo"] = TestImages.Base64(TestImages.Jpeg(64, 64)));
        await _applicants.SaveOrganisationAsync(draft, new Dictionary<string, object?>
        {
            ["name"] = "Brouillon " + Applicants.NewSuffix(), ["logo"] = TestImages.Base64(TestImages.Png(40, 40)),
        });
        return await AppliedAsync(draft);
    }

    private async Task<Applied> RefusedWithPhotoAsync()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix(), body => body["photo"] = TestImages.Base64(TestImages.Jpeg(64, 64)));
        await _applicants.SaveOrganisationAsync(draft, Applicants.Part2("Refusée " + Applicants.NewSuffix()));
        await _applicants.SubmitAsync(draft);
        await _applicants.DecidedAsync(draft, accepted: false);
        return await AppliedAsync(draft);
    }

    private async Task<Applied> AppliedAsync(OpenedDraft draft)
    {
        var logo = (await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Organisation).SingleAsync())).LogoImageId;
        var photo = await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.PhotoImageId!.Value).SingleAsync());
        Assert.NotNull(logo);
        Assert.True(await service.QueryAsync(db => db.AccountTokens.AnyAsync(t => t.AccountId == draft.AccountId)));
        return new Applied(draft, logo, photo);
    }

    /// <summary>One round of the job; the copy the service runs in the background may hold the lock a moment.</summary>
    private async Task RunRetentionAsync()
    {
        var job = service.Factory.Services.GetRequiredService<ApplicationRetention>();
        await Nege.Testing.Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the retention job runs a round");
    }

    private Task<int> SetUpdatedAtAsync(Guid applicationId, DateTimeOffset updatedAt) =>
        service.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, updatedAt)));

    private async Task AssertErasedAsync(Applied applied)
    {
        var id = applied.Draft.Id;
        var accountId = applied.Draft.AccountId;
        Assert.False(await service.QueryAsync(db => db.Applications.AnyAsync(a => a.Id == id)), "application");
        Assert.False(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == applied.LogoId || i.Id == applied.PhotoId)), "logo and photo");
        Assert.False(await service.QueryAsync(db => db.Accounts.AnyAsync(a => a.Id == accountId)), "account");
        Assert.False(await service.QueryAsync(db => db.AccountTokens.AnyAsync(t => t.AccountId == accountId)), "account links");
        Assert.False(await service.QueryAsync(db => db.RoleChanges.AnyAsync(c => c.AccountId == accountId)), "role audit");
        Assert.Contains(await _applicants.EventsAsync<NotificationPreferencesChanged>(accountId), changed => changed.Categories.Count == 0);
    }

    private async Task AssertKeptAsync(Applied applied)
    {
        var id = applied.Draft.Id;
        var accountId = applied.Draft.AccountId;
        Assert.True(await service.QueryAsync(db => db.Applications.AnyAsync(a => a.Id == id)), "application");
        Assert.Equal(2, await service.QueryAsync(db => db.Images.CountAsync(i => i.Id == applied.LogoId || i.Id == applied.PhotoId)));
        Assert.True(await service.QueryAsync(db => db.Accounts.AnyAsync(a => a.Id == accountId)), "account");
    }
}
