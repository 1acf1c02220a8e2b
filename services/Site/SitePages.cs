using Microsoft.AspNetCore.Mvc;
using Nege.ServiceDefaults.Security;
using Nege.Site.Identity;

namespace Nege.Site;

public static class SitePages
{
    public const string FlashCookieName = "nege.avis";

    /// <summary>Razor Pages, with who may see which folder and French model-binding messages.</summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/EspaceMembre");
                options.Conventions.AuthorizeFolder("/EspaceMembre/Admin", SiteAuthentication.AdminPolicy);
                options.Conventions.AuthorizeFolder("/EspaceMembre/Adhesions", AccessPolicies.DecideApplications.Name);
                options.Conventions.AuthorizeFolder("/EspaceMembre/Organisme", AccessPolicies.OwnOrganisation.Name);
                options.Conventions.AuthorizeFolder("/EspaceMembre/Commission", AccessPolicies.CommissionWork.Name);
                // The employment partners' colleagues only, not the administrators: the advisers' API is theirs alone.
                options.Conventions.AuthorizeFolder("/EspaceMembre/Dossiers", AccessPolicies.PartnerAdvisers.Name);
                // Recruiters and referents; Candidates also checks that their organisation is a current member.
                options.Conventions.AuthorizeFolder("/EspaceMembre/Vivier", AccessPolicies.TalentPoolSearch.Name);
                // The data-protection officer and the administrators: the audit log of the candidates' personal-data reads.
                options.Conventions.AuthorizeFolder("/EspaceMembre/DonneesPersonnelles", AccessPolicies.ReadPersonalDataAudit.Name);
                // The board, the data-protection officer and the administrators: the anonymous counts of the erased dossiers.
                options.Conventions.AuthorizeFolder("/EspaceMembre/StatistiquesCandidats", AccessPolicies.CandidateStatistics.Name);
                // The treasurer, the board and the administrators: the fee calls (Billing checks the role again).
                options.Conventions.AuthorizeFolder("/EspaceMembre/Cotisations", AccessPolicies.ReadFeeCalls.Name);
                // A member's referent: their own organisation's fee calls.
                options.Conventions.AuthorizeFolder("/EspaceMembre/MesCotisations", AccessPolicies.OwnFeeCalls.Name);
                // The same referent: the perimeter's headcounts their next renewal call will use.
                options.Conventions.AuthorizeFolder("/EspaceMembre/MesEffectifs", AccessPolicies.OwnFeeCalls.Name);
                // The editors and the administrators: the news' drafts, preview and writing (Directory checks the role again).
                options.Conventions.AuthorizeFolder("/EspaceMembre/Actualites", AccessPolicies.ManageNews.Name);
                options.Conventions.AddPageRoute("/EspaceMembre/Actualites/Redaction", "/espace-membre/actualites/nouvelle");
            })
            .AddMvcOptions(options =>
            {
                var messages = options.ModelBindingMessageProvider;
                messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
                messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
                messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"La valeur « {value} » n'est pas valide.");
                messages.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
                messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
                messages.SetValueMustBeANumberAccessor(_ => "Ce champ doit être un nombre.");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
                messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
            });
        // A message shown once on the next page (« Le dossier … est déposé »): in a cookie of its own, data-protected.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = FlashCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.IsEssential = true;
        });
        return services;
    }

    /// <summary>
    /// The site runs no script of its own, so none may run at all: members' presentations are HTML
    /// (sanitised by Membership), and this header is the second line of defence on every page.
    /// </summary>
    public static WebApplication UseSitePolicies(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        return app;
    }
}
