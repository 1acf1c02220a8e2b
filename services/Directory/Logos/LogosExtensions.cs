using Microsoft.EntityFrameworkCore;
using Nege.Directory.Organisations;
using Nege.ServiceDefaults.Data;

namespace Nege.Directory.Logos;

public static class LogosExtensions
{
    /// <summary>Membership's logos fetched into the directory as cards change (Membership found by service discovery).</summary>
    public static IHostApplicationBuilder AddDirectoryLogos(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<MembershipLogos>(client =>
        {
            client.BaseAddress = MembershipLogos.BaseAddress;
            client.MaxResponseContentBufferSize = MembershipLogos.MaxBytes;
        });
        // The fetcher wakes after the commit of a save leaving a tracked organisation's stored logo behind its card's
        // version (the card's consumer: SaveChanges inside the inbox's transaction).
        builder.Services.AddCommitSignal<DirectoryDbContext, DirectoryOrganisation>(entry =>
            entry.State != EntityState.Deleted && entry.Entity.LogoVersion != entry.Entity.StoredLogoVersion);
        builder.Services.AddHostedService<LogoFetcher>();
        return builder;
    }
}
