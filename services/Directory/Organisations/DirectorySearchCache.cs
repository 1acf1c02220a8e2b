using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Http;

namespace Nege.Directory.Organisations;

/// <summary>
/// Visitors run the same few searches over and over, and a broad word makes PostgreSQL rank thousands of members: pages
/// already computed are reused while no organisation has changed. Every change of a row of <c>organisations</c> moves
/// <c>directory_version</c> in its own transaction (a trigger, see the migration), and a search reads it first.
/// </summary>
public sealed class DirectorySearchCache(IConfiguration configuration, IOptions<JsonOptions> json)
{
    private static readonly JsonSerializerOptions KeyJson = new(JsonSerializerDefaults.Web);

    /// <summary>Pages kept per replica (<c>Directory__SearchCacheEntries</c>; 0: every search goes to PostgreSQL).</summary>
    private readonly ResultPageCache _pages = new(configuration.GetValue("Directory:SearchCacheEntries", 2_000));

    public async Task<byte[]> SearchAsync(DirectoryDbContext db, DirectoryCriteria criteria, CancellationToken cancellationToken)
    {
        if (!_pages.Enabled)
        {
            return Serialize(await DirectorySearch.RunAsync(db, criteria, cancellationToken));
        }

        var version = await db.Database.SqlQuery<long>($"SELECT version AS \"Value\" FROM directory_version").SingleAsync(cancellationToken);
        return await _pages.GetOrAddAsync($"{version}|{JsonSerializer.Serialize(criteria, KeyJson)}",
            async () => Serialize(await DirectorySearch.RunAsync(db, criteria, cancellationToken)));
    }

    private byte[] Serialize(PageOf<Nege.Contracts.Api.Directory.DirectoryEntryView> page) => JsonSerializer.SerializeToUtf8Bytes(page, json.Value.SerializerOptions);
}
