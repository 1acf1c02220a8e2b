namespace Nege.Notifications.Deliveries;

/// <summary>The delivery worker's settings (section <c>Email:Delivery</c>).</summary>
public sealed class EmailDeliveryOptions
{
    public const string Section = "Email:Delivery";

    /// <summary>How often due rows are looked for when no commit signalled any (after a crash, or when a retry falls due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// SMTP connections open at once when many e-mails are due (the digest's thousands): each sends its own claims.
    /// A relay usually accepts a few per client; one is used while e-mails trickle in.
    /// </summary>
    public int Connections { get; set; } = 4;

    /// <summary>At most this many e-mails over one SMTP connection before it is closed and another opened.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Rows claimed, sent and marked in one transaction: fewer round trips to the database per e-mail, but after a
    /// crash mid-claim the e-mails of the claim already sent go again (1 sends none twice, slower).
    /// </summary>
    public int ClaimSize { get; set; } = 20;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>With the default delays, about an hour of retries before an e-mail is marked failed.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>How long one SMTP operation (connect, send) may take.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public DeliveryRetryPolicy RetryPolicy => new(FirstRetryDelay, MaxRetryDelay, MaxAttempts);
}
