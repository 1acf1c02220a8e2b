using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nege.Contracts.Directory;
using Nege.Notifications.Email;

namespace Nege.Notifications.Directory;

/// <summary>Where the Directory service answers: its service discovery name by default (<c>services:directory:http:0</c>).</summary>
public sealed class DirectoryApiOptions
{
    public const string Section = "Notifications:Directory";

    public Uri BaseAddress { get; set; } = new("http://directory");
}

/// <summary>A contact message's CV as Directory answered: its file, or gone (erased after its 30 days).</summary>
public sealed record ContactCv(EmailAttachment? File)
{
    public static readonly ContactCv Erased = new((EmailAttachment?)null);

    public bool IsErased => File is null;
}

/// <summary>
/// Fetches a contact message's CV from Directory with its download token, and checks it is the file the event
/// described: its length and its SHA-256. Anything else (Directory unreachable, an error, another file) throws,
/// so that the consume fails and is retried; only a 404 or a 410 (the CV erased) answers <see cref="ContactCv.Erased"/>.
/// </summary>
public sealed class ContactCvDownloads(HttpClient http)
{
    public async Task<ContactCv> DownloadAsync(Guid contactMessageId, ContactAttachment cv, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ContactAttachment.DownloadPath(contactMessageId).TrimStart('/'));
        request.Headers.TryAddWithoutValidation(ContactAttachment.TokenHeader, cv.DownloadToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return ContactCv.Erased;
        }

        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is { } announced && announced != cv.Length)
        {
            throw new InvalidDataException($"The CV of contact message {contactMessageId} is {announced} bytes long, not the {cv.Length} announced.");
        }

        var content = await ReadAtMostAsync(response.Content, cv.Length, cancellationToken)
                      ?? throw new InvalidDataException($"The CV of contact message {contactMessageId} is longer than the {cv.Length} bytes announced.");
        if (content.LongLength != cv.Length)
        {
            throw new InvalidDataException($"The CV of contact message {contactMessageId} is {content.LongLength} bytes long, not the {cv.Length} announced.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!string.Equals(hash, cv.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The CV of contact message {contactMessageId} does not have the SHA-256 announced ({hash}, not {cv.Sha256}).");
        }

        return new ContactCv(new EmailAttachment(cv.FileName, cv.ContentType, content));
    }

    /// <summary>The body's bytes; null when there are more than <paramref name="limit"/> (never read whole into memory).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}

public static class ContactCvDownloadsExtensions
{
    /// <summary>The typed client of Directory's CV downloads, at <c>Notifications:Directory:BaseAddress</c> (by default <c>http://directory</c>).</summary>
    public static IHostApplicationBuilder AddContactCvDownloads(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectoryApiOptions>().BindConfiguration(DirectoryApiOptions.Section)
            .Validate(options => options.BaseAddress.IsAbsoluteUri, "Invalid 'Notifications:Directory:BaseAddress': an absolute address, such as http://directory.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<ContactCvDownloads>((services, client) =>
            client.BaseAddress = services.GetRequiredService<IOptions<DirectoryApiOptions>>().Value.BaseAddress);
        return builder;
    }
}
