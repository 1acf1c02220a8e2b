using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Membership.Tests;

/// <summary>A draft as its creation answered it: its id, the key given once, and the referent's account.</summary>
public sealed record OpenedDraft(Guid Id, string Key, Guid AccountId, string Email, string UserName, JsonElement View);

/// <summary>
/// The « Devenir adhérent » journey over HTTP, as the site drives it: part 1, part 2, submission, the
/// board's decision. Every applicant gets unique e-mail, user name and organisation name.
/// </summary>
public sealed class Applicants(MembershipService service)
{
    public const string BoardMemberName = "Président Exemple";

    public static readonly Guid BoardMemberId = Guid.Parse("0b0a4d00-0000-4000-8000-000000000b0a");

    public static string NewSuffix() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>Part 1 as the contract's example, made unique by <paramref name="suffix"/>.</summary>
    public static Dictionary<string, object?> Part1(string suffix) => new()
    {
        ["email"] = $"marie.curie-{suffix}@exemple.fr",
        ["userName"] = $"mcurie-{suffix}",
        ["civility"] = "Madame",
        ["lastName"] = "Curie",
        ["firstName"] = "Marie",
        ["function"] = "DRH",
        ["mobilePhone"] = "06 12 34 56 78",
        ["landlinePhone"] = "03 88 00 00 00",
        ["workplace"] = new Dictionary<string, object?>
        {
            ["siteName"] = "Siège", ["zone"] = "N/A", ["address"] = "1 rue X", ["postalCode"] = "67000", ["city"] = "Strasbourg",
        },
        ["notificationCategories"] = new[] { "Evénement public" },
        ["consent"] = true,
    };

    /// <summary>Part 2, complete, as the contract's example (a StartUp), under <paramref name="name"/>.</summary>
    public static Dictionary<string, object?> Part2(string name, string? logo = null) => new()
    {
        ["name"] = name,
        ["category"] = "Entreprise",
        ["regionalHeadOffice"] = "Strasbourg",
        ["logo"] = logo ?? TestImages.Base64(TestImages.Png(600, 300)),
        ["presentation"] = "<p>Rejoignez <strong>l'équipe</strong></p><script>alert(1)</script>",
        ["website"] = "https://exemple.fr",
        ["digitalSector"] = true,
        ["companyType"] = "StartUp",
        ["mainActivities"] = new[] { "ESN - Agence Web" },
        ["siteDepartements"] = new[] { "Alsace : Bas-Rhin (67)" },
        ["interventionDepartements"] = new[] { "Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)" },
        ["affiliationOrganisationId"] = null,
        ["hrContactUserName"] = null,
        ["startup"] = new Dictionary<string, object?>
        {
            ["creationDate"] = ParisTime.DateOf(DateTimeOffset.UtcNow).AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["headcount"] = 4,
            ["turnoverBand"] = "Moins de 300 K€",
            ["syntecStartupPack"] = true,
        },
        ["perimeter"] = new Dictionary<string, object?> { ["alsace"] = 12, ["champagneArdenne"] = 0, ["lorraine"] = 3 },
        ["commitments"] = new Dictionary<string, object?> { ["delegation"] = true, ["statutes"] = true },
    };

    /// <summary>A client that opens drafts with <paramref name="key"/> (the site's cookie).</summary>
    public HttpClient WithKey(string key)
    {
        var client = service.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApplicationDraftsEndpoints.KeyHeader, key);
        return client;
    }

    public HttpClient Anonymous() => service.Factory.CreateClient();

    public HttpClient Board() => service.CreateClient(service.Tokens.ForPerson([NegeRoles.Board], subject: BoardMemberId, name: BoardMemberName));

    /// <summary>The referent's own client, once they have a password and log in (a person, no role yet).</summary>
    public HttpClient AsReferent(OpenedDraft draft, params string[] roles) =>
        service.CreateClient(service.Tokens.ForPerson(roles, subject: draft.AccountId, name: "Marie Curie", email: draft.Email));

    public async Task<OpenedDraft> OpenAsync(string suffix, Action<Dictionary<string, object?>>? change = null)
    {
        var body = Part1(suffix);
        change?.Invoke(body);
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/membership/application-drafts", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var referent = view.GetProperty("referent");
        return new OpenedDraft(
            view.GetProperty("id").GetGuid(), view.GetProperty("key").GetString()!, referent.GetProperty("accountId").GetGuid(),
            referent.GetProperty("email").GetString()!, referent.GetProperty("userName").GetString()!, view);
    }

    public async Task<JsonElement> SaveOrganisationAsync(OpenedDraft draft, Dictionary<string, object?> part2)
    {
        using var client = WithKey(draft.Key);
        var response = await client.PutAsJsonAsync($"/api/membership/application-drafts/{draft.Id}/organisation", part2);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> SubmitAsync(OpenedDraft draft)
    {
        using var client = WithKey(draft.Key);
        var response = await client.PostAsync($"/api/membership/application-drafts/{draft.Id}/submission", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Both parts filled and submitted.</summary>
    public async Task<OpenedDraft> SubmittedAsync(string suffix, string? name = null, Action<Dictionary<string, object?>>? changePart2 = null)
    {
        var draft = await OpenAsync(suffix);
        var part2 = Part2(name ?? $"Numérique & Co {suffix}");
        changePart2?.Invoke(part2);
        await SaveOrganisationAsync(draft, part2);
        await SubmitAsync(draft);
        return draft;
    }

    public async Task<HttpResponseMessage> DecideAsync(Guid applicationId, object decision)
    {
        using var board = Board();
        return await board.PostAsJsonAsync($"/api/membership/applications/{applicationId}/decision", decision);
    }

    /// <summary>The board's decision, dated the day of the submission (never in the future, never before it).</summary>
    public async Task<JsonElement> DecidedAsync(OpenedDraft draft, bool accepted, string? reason = null)
    {
        var response = await DecideAsync(draft.Id, new
        {
            decision = accepted ? "accepted" : "refused",
            boardMeetingDate = await SubmissionDayAsync(draft.Id),
            reason = reason ?? (accepted ? null : "Hors du périmètre de l'association"),
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An accepted application: the organisation is a member and the applicant its referent.</summary>
    public async Task<(OpenedDraft Draft, Guid OrganisationId)> MemberAsync(string suffix, string? name = null)
    {
        var draft = await SubmittedAsync(suffix, name);
        await DecidedAsync(draft, accepted: true);
        var organisationId = await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.OrganisationId!.Value).SingleAsync());
        return (draft, organisationId);
    }

    public Task<string> SubmissionDayAsync(Guid applicationId) =>
        service.QueryAsync(async db =>
        {
            var submittedAt = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.SubmittedAt!.Value).SingleAsync();
            return ParisTime.DateOf(submittedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        });

    /// <summary>The events of type <typeparamref name="T"/> in the outbox whose payload mentions <paramref name="id"/>.</summary>
    public Task<List<T>> EventsAsync<T>(Guid id) where T : class =>
        service.QueryAsync(async db =>
        {
            var type = OutboxExtensions.TypeName(typeof(T));
            var text = id.ToString();
            var payloads = await db.Set<OutboxMessage>()
                .Where(m => m.MessageType == type)
                .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Payload).ToListAsync();
            return payloads
                .Where(payload => payload.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(payload => JsonSerializer.Deserialize<T>(payload, JsonSerializerOptions.Web)!).ToList();
        });

    /// <summary>Rows written anywhere a refused request must not write.</summary>
    public Task<(int Accounts, int Applications, int Images, int Outbox, int Tokens)> CountsAsync() =>
        service.QueryAsync(async db => (
            await db.Accounts.CountAsync(),
            await db.Applications.CountAsync(),
            await db.Images.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(),
            await db.AccountTokens.CountAsync()));

    /// <summary>A 400 validation problem: its <c>errors</c>.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>A 404 or 409 problem (RFC 9457, labelled as such): its French <c>detail</c>.</summary>
    public static async Task<string> ProblemDetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem.GetProperty("detail").GetString()!;
    }
}
