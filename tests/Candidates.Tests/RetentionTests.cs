using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nege.Candidates.Retention;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Nege.Testing;
using Nege.ServiceDefaults.Files;

namespace Candidates.Tests;

/// <summary>The retention engine with a fake clock: warned at D-30, kept by an update, erased everywhere after 36 months, counted.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class RetentionTests(CandidatesService service)
{
    /// <summary>A last update long before any other test's dossiers, so that the fake clock concerns this one alone.</summary>
    private static readonly DateTimeOffset LongAgo = new(2019, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private DossierRetention JobAt(FakeTimeProvider clock) => new(
        service.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DossierRetention>.Instance, Options.Create(new RetentionOptions()));

    private static async Task RunAsync(DossierRetention job) =>
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the retention job runs a round");

    private Task SetLastUpdateAsync(Guid id, DateTimeOffset at) =>
        service.QueryAsync(db => db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.UpdatedAt, at)));

    private Task<int> WarningsAsync(Guid id) => service.QueryAsync(async db =>
        (await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(DossierRetentionWarning))).Select(m => m.Payload).ToListAsync())
        .Count(p => p.Contains(id.ToString(), StringComparison.Ordinal)));

    [Fact]
    public async Task A_dossier_is_warned_at_D_minus_30_kept_by_an_update_then_erased_everywhere_and_counted()
    {
        using var partner = service.CreateClient(service.Tokens.ForPartnerClient(
            $"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        var request = SampleDossiers.Valid(postalCode: "57000") with
        {
            Consent = new ConsentInput(CandidateNotices.CurrentDataUseVersion, true) { TalentPool = true },
            Adviser = new AdviserInput("Nadia Conseillère", $"conseil.{Guid.NewGuid():N}@agence.fr"),
        };
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", request);
        var id = (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier.Id;
        using var cv = new MultipartFormDataContent
        {
            { new StringContent("Curriculum Vitae"), "kind" },
            { new ByteArrayContent(SampleDocuments.Pdf()) { Headers = { ContentType = new("application/pdf") } }, "file", "cv.pdf" },
        };
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsync($"/api/candidates/v1/dossiers/{id}/documents", cv)).StatusCode);
        var statisticsBefore = await service.QueryAsync(db => db.DossierStatistics
            .Where(s => s.Territory == CandidateForm.Lorraine && s.Outcome == "submitted" && s.Month == new DateOnly(2026, 12, 1)).SumAsync(s => s.Count));

        var erasureDue = LongAgo.AddMonths(36);
        await SetLastUpdateAsync(id, LongAgo);
        var clock = new FakeTimeProvider(erasureDue.AddDays(-31));
        var job = JobAt(clock);

        await RunAsync(job);
        Assert.Equal(0, await WarningsAsync(id));

        clock.SetUtcNow(erasureDue.AddDays(-29));
        await RunAsync(job);
        await RunAsync(job);
        Assert.Equal(1, await WarningsAsync(id));
        var warning = System.Text.Json.JsonSerializer.Deserialize<DossierRetentionWarning>(
            await service.QueryAsync(async db => (await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(DossierRetentionWarning))).Select(m => m.Payload).ToListAsync())
                .Single(p => p.Contains(id.ToString(), StringComparison.Ordinal))), System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal((request.Identification!.Email, "Nadia Conseillère", new DateOnly(2022, 3, 10)), (warning.CandidateEmail, Assert.Single(warning.Advisers).Name, warning.ErasureFrom));

        // The partner updates the dossier: its clock starts again, nothing is erased when the old date comes.
        Assert.Equal(HttpStatusCode.OK, (await partner.PutAsJsonAsync($"/api/candidates/v1/dossiers/{id}", request)).StatusCode);
        clock.SetUtcNow(erasureDue.AddDays(2));
        await RunAsync(job);
        Assert.True(await service.QueryAsync(db => db.Dossiers.AnyAsync(d => d.Id == id)));

        // Left alone for 36 months this time: erased within the month that follows, with all that hangs on it.
        await SetLastUpdateAsync(id, LongAgo);
        await RunAsync(job);

        var left = await service.QueryAsync(async db => new[]
        {
            await db.Dossiers.CountAsync(d => d.Id == id),
            await db.DossierPartners.CountAsync(p => p.DossierId == id),
            await db.DossierTransitions.CountAsync(t => t.DossierId == id),
            await db.DossierDocuments.CountAsync(d => d.DossierId == id),
            await db.ConsentRecords.CountAsync(r => r.DossierId == id),
            await db.TalentCards.CountAsync(c => c.DossierId == id),
            await db.Interests.CountAsync(i => i.DossierId == id),
            await db.DossierAnalyses.CountAsync(a => a.DossierId == id),
            await db.WebhookDeliveries.CountAsync(w => w.DossierId == id),
        });
        Assert.All(left, count => Assert.Equal(0, count));
        var documentsLeft = await service.QueryAsync(db => db.DossierDocumentContents.CountAsync(c => !db.DossierDocuments.Any(d => d.Id == c.DocumentId)));
        Assert.Equal(0, documentsLeft);
        // The erasure's own event names the person for the other services; once sent, the next round forgets it too.
        await Eventually.UntilAsync(async () =>
        {
            await job.RunOnceAsync(CancellationToken.None);
            var payloads = await service.QueryAsync(db => db.Set<OutboxMessage>().Select(m => m.Payload).ToListAsync());
            return !payloads.Any(p => p.Contains(request.Identification.Email!, StringComparison.OrdinalIgnoreCase) || p.Contains(id.ToString(), StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30), "nothing of the person left in the outbox");
        var statisticsAfter = await service.QueryAsync(db => db.DossierStatistics
            .Where(s => s.Territory == CandidateForm.Lorraine && s.Outcome == "submitted" && s.Month == new DateOnly(2026, 12, 1)).SumAsync(s => s.Count));
        Assert.Equal(statisticsBefore + 1, statisticsAfter);
    }
}
