using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Data;

namespace Nege.Directory.Contact;

/// <summary>Erases the contact messages and their CVs once they are <see cref="ContactOptions.KeptFor"/> old (30 days). Hourly, on one replica.</summary>
public sealed class ContactRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ContactRetention> logger, IOptions<ContactOptions> options)
    : ScheduledJob<DirectoryDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(DirectoryDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var before = Clock.GetUtcNow() - options.Value.KeptFor;
        var erased = await db.ContactMessages.Where(m => m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        if (erased > 0)
        {
            Logger.LogInformation("Contact messages: {Erased} erased after {Days} days", erased, options.Value.KeptFor.TotalDays);
        }
    }
}

public static class ContactExtensions
{
    public static IHostApplicationBuilder AddContact(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContactOptions>().BindConfiguration("Directory:Contact")
            .Validate(o => o.Window > TimeSpan.Zero && o.PerSender > 0 && o.PerCompany > 0 && o.PerClientAddress > 0 && o.KeptFor > TimeSpan.Zero,
                "Directory:Contact: the window, the limits and the retention are positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ContactRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ContactRetention>());
        return builder;
    }
}
