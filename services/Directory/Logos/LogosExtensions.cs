using Microsoft.EntityFrameworkCore;

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
        builder.Services.AddSingleton<LogoSignal>();
        builder.Services.AddSingleton<LogoSignalInterceptor>();
        builder.Services.ConfigureDbContext<DirectoryDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<LogoSignalInterceptor>()));
        builder.Services.AddHostedService<LogoFetcher>();
        return builder;
    }
}
