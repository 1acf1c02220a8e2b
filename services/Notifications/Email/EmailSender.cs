using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Nege.Notifications.Deliveries;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Http;

namespace Nege.Notifications.Email;

public sealed class EmailOptions
{
    public required string From { get; set; }

    public required string FromName { get; set; }

    /// <summary>The domain of <see cref="From"/>, the right-hand side of every <c>Message-ID</c>.</summary>
    public string Domain => From[(From.LastIndexOf('@') + 1)..];
}

public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>The recipient's name, shown beside the address (a role's mailbox, such as the president's).</summary>
    public string? ToName { get; init; }

    /// <summary>Files sent with the e-mail, in this order (a fee call's PDF).</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>Where a reply goes instead of our no-reply sender (the visitor who wrote to a company from the directory).</summary>
    public EmailReplyTo? ReplyTo { get; init; }

    /// <summary>More headers, by name (the digest's <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>); none usually.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>The address (and the name shown beside it) of an e-mail's <c>Reply-To</c> header.</summary>
public sealed record EmailReplyTo(string Address, string? Name);

/// <summary>A file attached to an e-mail: its name as the recipient sees it, its media type (« application/pdf ») and its bytes.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Opens SMTP connections (connection string <c>smtp</c>, as <c>smtp://host:port</c>), each to send several e-mails.</summary>
public sealed class EmailSender(IConfiguration configuration, IOptions<EmailOptions> options, IOptions<EmailDeliveryOptions> delivery)
{
    private readonly Uri _server = new(configuration.GetRequiredConnectionString(ResourceNames.Smtp));

    public async Task<SmtpConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)delivery.Value.SmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_server.Host, _server.Port, SecureSocketOptions.None, cancellationToken);
            return new SmtpConnection(client, options.Value);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

/// <summary>One open SMTP connection, reused for a batch of e-mails.</summary>
public sealed class SmtpConnection(SmtpClient client, EmailOptions options) : IAsyncDisposable
{
    /// <summary>False once the server or the network dropped the connection: the rest of the batch waits for a new one.</summary>
    public bool IsConnected => client.IsConnected;

    public async Task SendAsync(EmailDelivery delivery, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { MessageId = delivery.MessageIdHeader, Subject = delivery.Subject };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        var recipient = MailboxAddress.Parse(delivery.Recipient);
        if (delivery.RecipientName is not null)
        {
            recipient.Name = delivery.RecipientName;
        }

        message.To.Add(recipient);
        if (delivery.ReplyTo is not null)
        {
            // An address as such, never parsed as « Name <address> »: it comes from someone's form.
            message.ReplyTo.Add(new MailboxAddress(delivery.ReplyToName, delivery.ReplyTo));
        }

        foreach (var (name, value) in delivery.Headers ?? [])
        {
            message.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = delivery.TextBody, HtmlBody = delivery.HtmlBody };
        foreach (var attachment in delivery.Attachments.OrderBy(a => a.Position))
        {
            // Base64 whatever the type: a text file sent as text would arrive with its line breaks made CRLF, not the bytes recorded.
            if (body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType)) is MimePart part)
            {
                part.ContentTransferEncoding = ContentEncoding.Base64;
            }
        }

        message.Body = body.ToMessageBody();
        await client.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException or TimeoutException)
        {
            // The e-mails are sent (or recorded as failed) already; a QUIT that fails changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }
}

public static class EmailExtensions
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Configuration.GetRequiredConnectionString(ResourceNames.Smtp);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration("Email")
            .Validate(
                options => options.From is { } from && EmailAddress.IsValid(from) && !string.IsNullOrWhiteSpace(options.FromName),
                "Missing configuration: 'Email:From' (a valid address) and 'Email:FromName' (set Email__From, Email__FromName).")
            .ValidateOnStart();
        builder.Services.AddSingleton<EmailSender>();
        return builder;
    }
}
