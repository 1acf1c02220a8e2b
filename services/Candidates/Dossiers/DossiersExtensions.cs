namespace Nege.Candidates.Dossiers;

public static class DossiersExtensions
{
    public static IHostApplicationBuilder AddDossiers(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TerritoryOptions>(builder.Configuration.GetSection(TerritoryOptions.Section));
        builder.Services.AddScoped<DossierIntake>();
        return builder;
    }
}
