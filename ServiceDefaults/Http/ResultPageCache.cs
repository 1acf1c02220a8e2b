using Microsoft.Extensions.Caching.Memory;

namespace Nege.ServiceDefaults.Http;

/// <summary>
/// Pages of search results already computed, kept as the UTF-8 JSON they are sent as (a page served again is not
/// serialised again). The caller's key must hold the data's version, read from the database before the search, so
/// that a page is never served after a change it missed has committed, on any replica.
/// </summary>
public sealed class ResultPageCache(int entries)
{
    private readonly MemoryCache? _pages = entries > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = entries }) : null;

    public bool Enabled => _pages is not null;

    public async Task<byte[]> GetOrAddAsync(string key, Func<Task<byte[]>> compute)
    {
        if (_pages is null)
        {
            return await compute();
        }

        if (_pages.TryGetValue(key, out byte[]? cached))
        {
            return cached!;
        }

        var page = await compute();
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return page;
    }
}
