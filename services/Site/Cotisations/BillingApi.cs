using System.Net;
using Microsoft.AspNetCore.Mvc;
using Nege.Contracts.Api.Billing;
using Nege.Site.Api;
using Nege.Site.Membership;

namespace Nege.Site.Cotisations;

/// <summary>
/// The Billing API (« cotisations »), called server-side: the public fee grid and quote (with the person's token when
/// there is one, without otherwise), the treasurer's fee calls and credit notes, and a referent's own calls.
/// </summary>
public sealed class BillingApi(HttpClient http)
{
    public const string ClientName = "billing-api";

    /// <summary>Service discovery name of the Billing service (<c>services:billing:http:0</c>).</summary>
    public static readonly Uri BaseAddress = new("http://billing");

    public const int PageSize = 20;

    private const string Calls = "api/billing/calls";

    private const string MyCalls = "api/billing/me/calls";

    private const string MyPerimeter = "api/billing/me/perimeter";

    /// <summary>The grid in force in <paramref name="year"/>; null when there is none (404).</summary>
    public async Task<FeeGridView?> GetGridAsync(int year, CancellationToken ct)
    {
        try
        {
            return await SendAsync<FeeGridView>(HttpMethod.Get, $"api/billing/grids/{year}", null, ct);
        }
        catch (BillingApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>What a member would pay; 400 with the parameters' names (<c>category</c>, <c>alsace</c>…) as the errors' keys.</summary>
    public Task<FeeQuoteView> GetQuoteAsync(FeeQuoteQuery quote, CancellationToken ct) =>
        SendAsync<FeeQuoteView>(HttpMethod.Get, $"api/billing/quote?{quote.ApiQuery()}", null, ct);

    /// <summary>A page of the fee calls the filters select, with the totals of all of them.</summary>
    public Task<FeeCallPage> GetCallsAsync(FeeCallFilter filter, int page, CancellationToken ct) =>
        SendAsync<FeeCallPage>(HttpMethod.Get, $"{Calls}?{filter.ApiQuery($"page={page}&pageSize={PageSize}")}", null, ct);

    /// <summary>Every fee call the filters select, as CSV.</summary>
    public Task<BillingFile> DownloadCallsCsvAsync(FeeCallFilter filter, CancellationToken ct) =>
        DownloadAsync(filter.ApiQuery() is { Length: > 0 } query ? $"{Calls}.csv?{query}" : $"{Calls}.csv", ct);

    public Task<FeeCallView> GetCallAsync(Guid id, CancellationToken ct) =>
        SendAsync<FeeCallView>(HttpMethod.Get, $"{Calls}/{id}", null, ct);

    public Task<BillingFile> DownloadCallPdfAsync(Guid id, CancellationToken ct) => DownloadAsync($"{Calls}/{id}/pdf", ct);

    /// <summary>A credit note for the call's whole amount; 400 <c>reason</c> without a reason, 409 when it is already cancelled.</summary>
    public Task<FeeCallView> CancelAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync<FeeCallView>(HttpMethod.Post, $"{Calls}/{id}/cancel", new FeeCallCancellation(reason), ct);

    public Task<BillingFile> DownloadCreditNotePdfAsync(Guid id, CancellationToken ct) => DownloadAsync($"api/billing/credit-notes/{id}/pdf", ct);

    /// <summary>A payment of the call; 400 per field (<c>amountCents</c> above what remains due, <c>paidOn</c>, <c>method</c>), 409 when it is paid or cancelled.</summary>
    public Task<FeeCallView> RecordPaymentAsync(Guid id, PaymentRequest payment, CancellationToken ct) =>
        SendAsync<FeeCallView>(HttpMethod.Post, $"{Calls}/{id}/payments", payment, ct);

    public Task<BillingFile> DownloadReceiptPdfAsync(Guid id, CancellationToken ct) => DownloadAsync($"api/billing/receipts/{id}/pdf", ct);

    /// <summary>The fee calls of the referent's own organisation.</summary>
    public Task<IReadOnlyList<FeeCallView>> GetMyCallsAsync(CancellationToken ct) =>
        SendAsync<IReadOnlyList<FeeCallView>>(HttpMethod.Get, MyCalls, null, ct);

    public Task<BillingFile> DownloadMyCallPdfAsync(Guid id, CancellationToken ct) => DownloadAsync($"{MyCalls}/{id}/pdf", ct);

    /// <summary>A credit note of the referent's own organisation (another's is a 404).</summary>
    public Task<BillingFile> DownloadMyCreditNotePdfAsync(Guid id, CancellationToken ct) => DownloadAsync($"api/billing/me/credit-notes/{id}/pdf", ct);

    /// <summary>The headcounts the referent's next renewal call will use; 404 before the organisation is a member, 403 without an organisation.</summary>
    public Task<PerimeterView> GetMyPerimeterAsync(CancellationToken ct) =>
        SendAsync<PerimeterView>(HttpMethod.Get, MyPerimeter, null, ct);

    /// <summary>The referent confirms or updates them; 400 per territory (<c>alsace</c>, <c>champagneArdenne</c>, <c>lorraine</c>) and <c>perimeter</c> when all three are 0.</summary>
    public Task<PerimeterView> DeclareMyPerimeterAsync(PerimeterDeclaration declaration, CancellationToken ct) =>
        SendAsync<PerimeterView>(HttpMethod.Put, MyPerimeter, declaration, ct);

    /// <summary>Billing not answering at all (refused connection, timeouts, open circuit) is a 503 without problem details.</summary>
    private static readonly ApiFailure Failure = new((status, problem, _) => new BillingApiException(status, problem), UnansweredIsUnavailable: true);

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        ServiceApi.SendAsync<T>(http, method, path, body, Failure, ct);

    /// <summary>A file read as it comes: dispose it once sent on.</summary>
    private async Task<BillingFile> DownloadAsync(string path, CancellationToken ct)
    {
        using var request = ServiceApi.NewRequest(HttpMethod.Get, path, null);
        return new BillingFile(await ServiceApi.SendCheckedAsync(http, request, HttpCompletionOption.ResponseHeadersRead, Failure, ct));
    }

    /// <summary>The client, with the person's token when someone is logged in (see <see cref="MembershipApi.AddMembershipApi"/> for the retries of writes).</summary>
    public static IServiceCollection AddBillingApi(IServiceCollection services)
    {
        services.AddTransient<BearerTokenHandler>();
        services.AddHttpClient<BillingApi>(ClientName, client => client.BaseAddress = BaseAddress)
            .AddHttpMessageHandler<BearerTokenHandler>();
        return services;
    }
}

/// <summary>A non-success answer of the Billing API, with its problem details when it gave some.</summary>
public sealed class BillingApiException(HttpStatusCode status, ApiProblem? problem)
    : ApiException(status, problem, BillingApiException.UnavailableMessage)
{
    public const string UnavailableMessage = "Le service des cotisations n'a pas pu traiter la demande. Veuillez réessayer dans quelques instants.";

    /// <summary>What a download answers when Billing refused it: the site's page of that status (« Accès refusé »…).</summary>
    public StatusCodeResult ToStatusResult() => Status switch
    {
        HttpStatusCode.NotFound => new NotFoundResult(),
        HttpStatusCode.Forbidden => new StatusCodeResult(StatusCodes.Status403Forbidden),
        HttpStatusCode.Unauthorized => new StatusCodeResult(StatusCodes.Status401Unauthorized),
        _ => new StatusCodeResult(StatusCodes.Status502BadGateway),
    };
}

/// <summary>A file being downloaded from Billing (a fee call's or a credit note's PDF, the CSV of the calls).</summary>
public sealed class BillingFile(HttpResponseMessage response) : IDisposable
{
    public const string Pdf = "application/pdf";

    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>The name the API gives the file (<c>Content-Disposition</c>), null when it gave none.</summary>
    public string? FileName { get; } = response.Content.Headers.ContentDisposition is { } disposition
        ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"') is { Length: > 0 } name ? name : null
        : null;

    /// <summary>
    /// The file as the site sends it on: a download of the type the site expects (whatever the API said, nothing is
    /// shown from the site's origin), never kept by the browser (the amounts and names of members).
    /// </summary>
    public async Task<FileStreamResult> ToAttachmentAsync(HttpResponse siteResponse, string contentType, string defaultName, CancellationToken ct)
    {
        siteResponse.RegisterForDispose(this);
        siteResponse.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(await response.Content.ReadAsStreamAsync(ct), contentType) { FileDownloadName = FileName ?? defaultName };
    }

    public void Dispose() => response.Dispose();
}
