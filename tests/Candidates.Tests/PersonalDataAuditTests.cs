using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nege.Candidates.Audit;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Candidates.Tests;

/// <summary>The DPO's search and export of the audit log, and its purge after five years.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class PersonalDataAuditTests(CandidatesService service)
{
    private async Task<(Guid Dossier, Guid Reader)> ReadsAsync(params DateTimeOffset[] at)
    {
        var dossier = Guid.NewGuid();
        var reader = Guid.NewGuid();
        await service.QueryAsync(async db =>
        {
            foreach (var instant in at)
            {
                db.PersonalDataReads.Add(new PersonalDataRead { At = instant, AccountId = reader, ReaderName = "Dupont; \"Jean\"", DossierId = dossier, What = "dossier", Detail = "=SOMME(A1)" });
            }

            return await db.SaveChangesAsync();
        });
        return (dossier, reader);
    }

    [Fact]
    public async Task The_dpo_searches_by_reader_and_period_in_paris_days_and_exports_csv()
    {
        var (dossier, reader) = await ReadsAsync(
            new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), // 2 March, 00:30 in Paris
            new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        using var dpo = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Dpo]));

        var page = await dpo.GetFromJsonAsync<PageOf<PersonalDataReadView>>($"/api/candidates/personal-data-reads?accountId={reader}&from=2026-03-02&to=2026-03-02");
        Assert.Equal(2, page!.Total);
        Assert.All(page.Items, r => Assert.Equal(dossier, r.DossierId));
        Assert.Equal(HttpStatusCode.BadRequest, (await dpo.GetAsync("/api/candidates/personal-data-reads?from=2026-03-02&to=2026-03-01")).StatusCode);

        using var csv = await dpo.GetAsync($"/api/candidates/personal-data-reads/export.csv?dossierId={dossier}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date (Europe/Paris);compte du lecteur;lecteur;dossier;donnée lue;détail", lines[0]);
        Assert.Equal($"2026-03-02 00:30:00;{reader};\"Dupont; \"\"Jean\"\"\";{dossier};dossier;'=SOMME(A1)", lines[1]);
        Assert.Equal(4, lines.Length);

        using var member = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Commission]));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/candidates/personal-data-reads/export.csv")).StatusCode);
    }

    [Fact]
    public async Task Reads_older_than_five_years_are_purged_and_nothing_else_can_delete_a_line()
    {
        var now = new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var (old, _) = await ReadsAsync(now.AddYears(-5).AddDays(-1));
        var (recent, _) = await ReadsAsync(now.AddYears(-5).AddDays(1));

        await Assert.ThrowsAnyAsync<Exception>(() => service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == old).ExecuteDeleteAsync()));

        var job = new AuditRetention(service.Factory.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now),
            NullLogger<AuditRetention>.Instance, Options.Create(new AuditOptions()));
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the purge runs a round");

        Assert.False(await service.QueryAsync(db => db.PersonalDataReads.AnyAsync(r => r.DossierId == old)));
        Assert.True(await service.QueryAsync(db => db.PersonalDataReads.AnyAsync(r => r.DossierId == recent)));
    }
}
