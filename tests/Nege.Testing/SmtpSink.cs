using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Nege.Testing;

public sealed record SinkAddress(string Address, string? Name);

public sealed record SinkEmail(
    string Id,
    string Subject,
    [property: JsonPropertyName("to")] IReadOnlyList<SinkAddress> To,
    [property: JsonPropertyName("from")] IReadOnlyList<SinkAddress> From,
    string? Text,
    string? Html);

/// <summary>Reads e-mails back from the SMTP sink's REST API (MailDev).</summary>
public sealed class SmtpSink(Uri webUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = webUrl };

    public async Task<IReadOnlyList<SinkEmail>> GetAllAsync() =>
        await _http.GetFromJsonAsync<List<SinkEmail>>("/api/email") ?? [];

    public Task<SinkEmail> WaitForAsync(Func<SinkEmail, bool> match, TimeSpan timeout, string what) =>
        Eventually.ValueAsync(async () => (await GetAllAsync()).FirstOrDefault(match), timeout, what);

    public Task<SinkEmail> WaitForRecipientAsync(string address, TimeSpan timeout) =>
        WaitForAsync(email => email.To.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)), timeout, $"an e-mail to {address}");

    public async Task DeleteAllAsync() => (await _http.DeleteAsync("/api/email/all")).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();
}
