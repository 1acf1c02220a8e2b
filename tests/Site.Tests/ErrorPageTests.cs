using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed class ErrorPageTests(SiteFixture site)
{
    [Fact]
    public async Task An_unexpected_error_shows_a_french_error_page_with_status_500()
    {
        await using var failing = site.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new HomePageFails()))));
        using var client = failing.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Une erreur s'est produite</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Veuillez réessayer dans quelques instants.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(HomePageFails), page, StringComparison.Ordinal);
    }

    /// <summary>Makes the home page throw, as a bug would; the error page itself still renders.</summary>
    private sealed class HomePageFails : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
            if (context.HttpContext.Request.Path == "/")
            {
                throw new InvalidOperationException($"{nameof(HomePageFails)}: simulated failure.");
            }
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
