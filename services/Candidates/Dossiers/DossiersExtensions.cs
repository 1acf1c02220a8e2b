using Nege.Candidates.Commission;

namespace Nege.Candidates.Dossiers;

public static class DossiersExtensions
{
    public static IHostApplicationBuilder AddDossiers(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TerritoryOptions>(builder.Configuration.GetSection(TerritoryOptions.Section));
        builder.Services.Configure<CommissionOptions>(builder.Configuration.GetSection(CommissionOptions.Section));
        builder.Services.AddScoped<DossierIntake>();
        return builder;
    }
}
