using Nege.Candidates.Commission;

namespace Nege.Candidates.Dossiers;

public static class DossiersExtensions
{
    public static IHostApplicationBuilder AddDossiers(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TerritoryOptions>(builder.Configuration.GetSection(TerritoryOptions.Section));
        builder.Services.Configure<CommissionOptions>(builder.Configuration.GetSection(CommissionOptions.Section));
        builder.Services.AddSingleton<SiteLinks>();
        builder.Services.AddScoped<DossierIntake>();
        builder.Services.AddSingleton<InactivityReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<InactivityReminders>());
        return builder;
    }
}
