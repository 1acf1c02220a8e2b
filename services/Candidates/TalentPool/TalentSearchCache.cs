using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.TalentPool;

public sealed class TalentSearchCacheOptions
{
    public const string Section = "Candidates:TalentPool";

    /// <summary>How many pages of results each replica keeps (0: none, every search goes to PostgreSQL).</summary>
    public int SearchCacheEntries { get; set; } = 2_000;
}

/// <summary>
/// The pages of results already computed, reused while no card has changed. Recruiters run the same searches again and
/// again (« développeur », a territory, the next page and back), and a broad word costs PostgreSQL tens of milliseconds
/// to rank. Every change of a card, whatever wrote it (the service, or the trigger that makes cards follow their
/// dossier's status), moves the pool's version in the same transaction (see the migration): a search reads the
/// version first, so a page is never served after the change it missed has committed, on any replica.
/// </summary>
public sealed class TalentSearchCache(IOptions<TalentSearchCacheOptions> options, IOptions<JsonOptions> json)
{
    private static readonly JsonSerializerOptions KeyJson = new(JsonSerializerDefaults.Web);

    private readonly ResultPageCache _pages = new(options.Value.SearchCacheEntries);

    /// <summary>The page of results as UTF-8 JSON.</summary>
    public async Task<byte[]> SearchAsync(CandidatesDbContext db, TalentSearchCriteria criteria, DateOnly today, CancellationToken cancellationToken)
    {
        if (!_pages.Enabled)
        {
            return Serialize(await TalentSearch.RunAsync(db, criteria, today, cancellationToken));
        }

        var version = await db.Database.SqlQuery<long>($"SELECT version AS \"Value\" FROM talent_pool_version").SingleAsync(cancellationToken);
        // Today is part of the key: a card's availability is shown relative to it.
        var key = $"{version}|{today:yyyy-MM-dd}|{JsonSerializer.Serialize(criteria, KeyJson)}";
        return await _pages.GetOrAddAsync(key, async () => Serialize(await TalentSearch.RunAsync(db, criteria, today, cancellationToken)));
    }

    private byte[] Serialize(PageOf<TalentCardHit> page) => JsonSerializer.SerializeToUtf8Bytes(page, json.Value.SerializerOptions);
}
