using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Directory;
using Nege.Contracts.Membership;
using Nege.Directory.Contact;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Directory.Tests;

/// <summary>« Écrire au responsable RH »: the message and its CV checked by content, relayed by an event; the abuse guards; 30 days kept.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class ContactMessagesTests(DirectoryService service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private async Task<Guid> CompanyAsync(string name)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var hr = new PersonReference(Guid.NewGuid(), "Hélène RH", $"rh.{id:N}@entreprise.example");
        var sites = new[] { "Alsace : Bas-Rhin (67)" };
        await service.Factory.Services.GetRequiredService<IBus>().Publish(new MembershipApproved(id, Guid.NewGuid(), name, "Entreprise", "Strasbourg", true,
            "PME : 10-250 personnes", ["ESN - Agence Web"], sites, sites, new MembershipPerimeter(10, 0, 0), null, null, hr, hr, now));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == id && o.MemberSince != null)),
            TimeSpan.FromSeconds(30), $"the directory records {name}");
        return id;
    }

    private static MultipartFormDataContent Form(string email, string subject = "Candidature spontanée", string message = "Bonjour,\nje vous propose ma candidature.",
        (string Name, byte[] Bytes)? cv = null, string? honeypot = null, string name = "Léa Candidate")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" },
            { new StringContent(email), "email" },
            { new StringContent(subject), "subject" },
            { new StringContent(message), "message" },
        };
        if (honeypot is not null)
        {
            form.Add(new StringContent(honeypot), ContactRules.HoneypotField);
        }

        if (cv is { } file)
        {
            form.Add(new ByteArrayContent(file.Bytes), "cv", file.Name);
        }

        return form;
    }

    private async Task<HttpResponseMessage> SendAsync(Guid company, MultipartFormDataContent form, string client = "203.0.113.7")
    {
        using var http = service.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/directory/organisations/{company}/messages") { Content = form };
        request.Headers.Add("X-Forwarded-For", client);
        return await http.SendAsync(request);
    }

    private async Task<List<CompanyContactRequested>> RequestsAsync(Guid company) => (await service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(CompanyContactRequested))).Select(m => m.Payload).ToListAsync()))
        .Select(payload => JsonSerializer.Deserialize<CompanyContactRequested>(payload, Json)!).Where(r => r.OrganisationId == company).ToList();

    private static string Email() => $"lea.{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task A_message_with_its_cv_is_relayed_to_the_hr_contact_who_alone_downloads_the_cv_with_the_token()
    {
        var company = await CompanyAsync("Octet & Fils");
        var sender = Email();

        var response = await SendAsync(company, Form(sender.ToUpperInvariant(), cv: ("C:\\Mes documents\\CV Léa.pdf", Pdf)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<ContactMessageAccepted>())!;
        Assert.Equal("Octet & Fils", accepted.OrganisationName);
        var request = Assert.Single(await RequestsAsync(company));
        Assert.Equal((accepted.Id, $"rh.{company:N}@entreprise.example", "Hélène RH", sender), (request.ContactMessageId, request.RecipientEmail, request.RecipientName, request.SenderEmail));
        Assert.Equal(("Candidature spontanée", "Bonjour,\nje vous propose ma candidature."), (request.Subject, request.Message));
        var cv = request.Cv!;
        Assert.Equal(("CV Léa.pdf", "application/pdf", (long)Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Pdf))), (cv.FileName, cv.ContentType, cv.Length, cv.Sha256));

        using var http = service.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(ContactAttachment.DownloadPath(accepted.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(ContactAttachment.DownloadPath(Guid.NewGuid()))).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, ContactAttachment.DownloadPath(accepted.Id));
        wrong.Headers.Add(ContactAttachment.TokenHeader, new string('0', 64));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, ContactAttachment.DownloadPath(accepted.Id));
        right.Headers.Add(ContactAttachment.TokenHeader, cv.DownloadToken);
        var download = await http.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cvs_that_are_not_pdf_doc_docx_or_odt_by_their_content_or_too_big_are_refused_and_nothing_is_sent()
    {
        var company = await CompanyAsync("Refuse Les Fichiers");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var executable = "MZ\u0090\0\u0003"u8.ToArray();
        var oversize = new byte[ContactRules.CvMaxBytes + 1];
        Pdf.CopyTo(oversize, 0);
        var cases = new (string Name, byte[] Bytes, string Says)[]
        {
            ("cv.pdf", executable, "programme exécutable"),
            ("cv.pdf", png, "une image PNG"),
            ("cv.docx", Zip(("notes.txt", "rien")), "ni un document Word"),
            ("cv.pdf", oversize, "5 Mo"),
        };
        foreach (var (name, bytes, says) in cases)
        {
            var errors = await ProblemAssertions.ValidationErrorsAsync(await SendAsync(company, Form(Email(), cv: (name, bytes))));
            Assert.Contains(says, Assert.Single(errors["cv"]), StringComparison.Ordinal);
        }

        var missing = await ProblemAssertions.ValidationErrorsAsync(await SendAsync(company, Form("pas-une-adresse", subject: " ", message: "")));
        Assert.Equal(["email", "message", "subject"], missing.Keys.Order());
        Assert.Empty(await RequestsAsync(company));
        Assert.Equal(0, await service.QueryAsync(db => db.ContactMessages.CountAsync(m => m.OrganisationId == company)));

        // The accepted kinds: DOC (a compound file), DOCX and ODT by what they hold.
        var doc = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 };
        var docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));
        foreach (var (name, bytes, type) in new[] { ("cv.doc", doc, "application/msword"), ("cv", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                     ("cv.bin", odt, "application/vnd.oasis.opendocument.text") })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(company, Form(Email(), cv: (name, bytes)), client: $"198.51.100.{Random.Shared.Next(1, 250)}")).StatusCode);
            Assert.Contains(await RequestsAsync(company), r => r.Cv?.ContentType == type);
        }

        Assert.Contains(await RequestsAsync(company), r => r.Cv?.FileName == "cv.odt");
    }

    [Fact]
    public async Task The_honeypot_the_same_message_twice_a_day_and_too_many_messages_are_refused()
    {
        var company = await CompanyAsync("Très Demandée");
        var sender = Email();

        var robot = await SendAsync(company, Form(Email(), honeypot: "https://spam.example"));
        Assert.Equal(HttpStatusCode.Accepted, robot.StatusCode);
        Assert.Empty(await RequestsAsync(company));

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(company, Form(sender))).StatusCode);
        var twice = await SendAsync(company, Form(sender));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("déjà envoyé ce message à Très Demandée aujourd'hui", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Per sender: 5 an hour by default, the sixth refused whatever the company.
        for (var i = 2; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(company, Form(sender, subject: $"Relance {i}"), client: $"192.0.2.{i}")).StatusCode);
        }

        var other = await CompanyAsync("Autre Entreprise");
        var tooMany = await SendAsync(other, Form(sender, subject: "Encore"), client: "192.0.2.99");
        Assert.Equal((HttpStatusCode)429, tooMany.StatusCode);
        Assert.True(int.Parse(tooMany.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 3600);
        Assert.Contains("réessayez dans", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Per client address: 10 an hour.
        var shared = $"198.18.0.{Random.Shared.Next(1, 250)}";
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(other, Form(Email()), client: shared)).StatusCode);
        }

        Assert.Equal((HttpStatusCode)429, (await SendAsync(other, Form(Email()), client: shared)).StatusCode);
        Assert.Equal(5 + 10, (await RequestsAsync(company)).Count + (await RequestsAsync(other)).Count);
    }

    [Fact]
    public async Task A_company_not_in_the_directory_cannot_be_written_to()
    {
        var response = await SendAsync(Guid.NewGuid(), Form(Email()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Messages_and_their_cvs_are_erased_after_30_days()
    {
        var company = await CompanyAsync("Garde Trente Jours");
        var sent = await SendAsync(company, Form(Email(), cv: ("cv.pdf", Pdf)), client: "198.51.100.250");
        var id = (await sent.Content.ReadFromJsonAsync<ContactMessageAccepted>())!.Id;
        var sentAt = await service.QueryAsync(db => db.ContactMessages.Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync());
        var clock = new FakeTimeProvider(sentAt.AddDays(29));
        var job = new ContactRetention(service.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ContactRetention>.Instance,
            Options.Create(new ContactOptions()));

        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the retention runs a round");
        Assert.True(await service.QueryAsync(db => db.ContactMessages.AnyAsync(m => m.Id == id)));

        clock.SetUtcNow(sentAt.AddDays(30).AddMinutes(1));
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the retention runs a round");
        Assert.False(await service.QueryAsync(db => db.ContactMessages.AnyAsync(m => m.Id == id)));
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
