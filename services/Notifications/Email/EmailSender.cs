using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Http;

namespace Nege.Notifications.Email;

public sealed class EmailOptions
{
    public required string From { get; set; }

    public required string FromName { get; set; }
}

public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>The recipient's name, shown beside the address (a role's mailbox, such as the president's).</summary>
    public string? ToName { get; init; }
}

/// <summary>Sends e-mail over SMTP (connection string <c>smtp</c>, as <c>smtp://host:port</c>).</summary>
public sealed class EmailSender(IConfiguration configuration, IOptions<EmailOptions> options, ILogger<EmailSender> logger)
{
    private readonly Uri _server = new(configuration.GetRequiredConnectionString(ResourceNames.Smtp));

    public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        var recipient = MailboxAddress.Parse(email.To);
        if (email.ToName is not null)
        {
            recipient.Name = email.ToName;
        }

        message.To.Add(recipient);
        message.Subject = email.Subject;
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(_server.Host, _server.Port, SecureSocketOptions.None, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent e-mail \"{Subject}\" to {Recipient}", email.Subject, email.To);
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
