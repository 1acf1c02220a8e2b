namespace Nege.Directory.Contact;

/// <summary>How many messages the form takes before it answers 429 (<c>Directory__Contact__…</c>), each over <see cref="Window"/>.</summary>
public sealed class ContactOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>From one sender's address: a person writes to a few companies, not to the whole directory.</summary>
    public int PerSender { get; set; } = 5;

    /// <summary>To one company, whoever writes.</summary>
    public int PerCompany { get; set; } = 20;

    /// <summary>From one client address (a school's or a company's network may share one).</summary>
    public int PerClientAddress { get; set; } = 10;

    public TimeSpan KeptFor { get; set; } = TimeSpan.FromDays(30);
}
