using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Text.Json;

namespace Nege.Testing;

public sealed record SinkAddress(string Address, string? Name);

public sealed record SinkEmail(
    string Id,
    string Subject,
    IReadOnlyList<SinkAddress> To,
    IReadOnlyList<SinkAddress> From,
    string? Text,
    string? Html,
    string? MessageId);

/// <summary>A file attached to an e-mail: its decoded name, its media type without parameters, and its bytes.</summary>
public sealed record SinkAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Reads e-mails back from the SMTP sink's REST API (smtp4dev), as its web UI does.</summary>
public sealed class SmtpSink(Uri webUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = webUrl };

    // A received e-mail never changes: its details are fetched once.
    private readonly ConcurrentDictionary<string, SinkEmail> _read = new();

    public async Task<IReadOnlyList<SinkEmail>> GetAllAsync()
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=100000");
        var emails = new List<SinkEmail>();
        foreach (var summary in page.GetProperty("results").EnumerateArray())
        {
            var id = summary.GetProperty("id").GetString()!;
            emails.Add(_read.TryGetValue(id, out var known) ? known : _read.GetOrAdd(id, await ReadAsync(id)));
        }

        return emails;
    }

    /// <summary>How many e-mails the sink holds, without reading them.</summary>
    public async Task<int> CountAsync() =>
        (await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1")).GetProperty("rowCount").GetInt32();

    public Task<SinkEmail> WaitForAsync(Func<SinkEmail, bool> match, TimeSpan timeout, string what) =>
        Eventually.ValueAsync(async () => (await GetAllAsync()).FirstOrDefault(match), timeout, what);

    public Task<SinkEmail> WaitForRecipientAsync(string address, TimeSpan timeout) =>
        WaitForAsync(email => email.To.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)), timeout, $"an e-mail to {address}");

    /// <summary>The e-mail's attachments in the order of its MIME parts, read only when asked (most tests need none).</summary>
    public async Task<IReadOnlyList<SinkAttachment>> ReadAttachmentsAsync(SinkEmail email)
    {
        var message = await _http.GetFromJsonAsync<JsonElement>($"/api/messages/{email.Id}");
        var attachments = new List<SinkAttachment>();
        foreach (var listed in message.GetProperty("parts").EnumerateArray().SelectMany(AttachmentsIn))
        {
            using var response = await _http.GetAsync($"/api/messages/{email.Id}/part/{listed.GetProperty("id").GetString()}/content");
            response.EnsureSuccessStatusCode();
            attachments.Add(new SinkAttachment(
                listed.GetProperty("fileName").GetString() ?? "",
                response.Content.Headers.ContentType?.MediaType ?? "",
                await response.Content.ReadAsByteArrayAsync()));
        }

        return attachments;
    }

    /// <summary>The e-mail's headers by name (any case), their values as the sink shows them (<c>Reply-To</c>, say).</summary>
    public async Task<ILookup<string, string?>> ReadHeadersAsync(SinkEmail email)
    {
        var message = await _http.GetFromJsonAsync<JsonElement>($"/api/messages/{email.Id}");
        return message.GetProperty("headers").EnumerateArray()
            .ToLookup(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    public async Task DeleteAllAsync()
    {
        (await _http.DeleteAsync("/api/messages/*")).EnsureSuccessStatusCode();
        _read.Clear();
    }

    public void Dispose() => _http.Dispose();

    private async Task<SinkEmail> ReadAsync(string id)
    {
        var message = await _http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        var headers = message.GetProperty("headers").EnumerateArray()
            .ToLookup(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString(), StringComparer.OrdinalIgnoreCase);
        return new SinkEmail(
            id,
            message.GetProperty("subject").GetString() ?? "",
            Addresses(message.GetProperty("to")),
            Addresses(message.GetProperty("from")),
            message.GetProperty("hasPlainTextBody").GetBoolean() ? await _http.GetStringAsync($"/api/messages/{id}/plaintext") : null,
            message.GetProperty("hasHtmlBody").GetBoolean() ? await _http.GetStringAsync($"/api/messages/{id}/html") : null,
            headers["Message-ID"].FirstOrDefault());
    }

    // smtp4dev lists each attachment on the multipart that holds it.
    private static IEnumerable<JsonElement> AttachmentsIn(JsonElement part) =>
        part.GetProperty("attachments").EnumerateArray()
            .Concat(part.GetProperty("childParts").EnumerateArray().SelectMany(AttachmentsIn));

    private static List<SinkAddress> Addresses(JsonElement value) =>
        (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(a => a.GetString()!) : [value.GetString()!])
        .Select(text => new MailAddress(text))
        .Select(address => new SinkAddress(address.Address, string.IsNullOrEmpty(address.DisplayName) ? null : address.DisplayName))
        .ToList();
}
