using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Nege.Membership.Accounts;
using Nege.Membership.OpenIdServer;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Pages.Compte;

public sealed class ConnexionModel(AccountService accounts) : AccountPage
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(string.IsNullOrWhiteSpace(Login), "login", "Saisissez votre adresse de courriel ou votre nom d'utilisateur.")
            .AddIf(string.IsNullOrEmpty(Password), "password", "Saisissez votre mot de passe.");
        if (!errors.IsEmpty)
        {
            Show(errors);
            return Page();
        }

        var outcome = await accounts.SignInAsync(Login, Password, cancellationToken);
        switch (outcome.Result)
        {
            case Accounts.SignInResult.Succeeded:
                var account = outcome.Account!;
                var identity = new ClaimsIdentity(
                    [
                        new Claim(NegeClaims.Subject, account.Id.ToString()),
                        new Claim(NegeClaims.Name, account.DisplayName),
                        new Claim(OpenIdServerSetup.SecurityStampClaim, account.SecurityStamp),
                    ],
                    OpenIdServerSetup.IdentityCookie, NegeClaims.Name, NegeClaims.Role);
                await HttpContext.SignInAsync(OpenIdServerSetup.IdentityCookie, new ClaimsPrincipal(identity));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case Accounts.SignInResult.LockedOut:
                errors.Add("", outcome.LockedUntil is { } until
                    ? $"Votre compte est verrouillé après plusieurs échecs de connexion. Réessayez après {TimeZoneInfo.ConvertTime(until, ParisTime.Zone).ToString("HH' h 'mm", CultureInfo.GetCultureInfo("fr-FR"))}, ou réinitialisez votre mot de passe."
                    : "Votre compte est verrouillé. Contactez l'association.");
                break;
            case Accounts.SignInResult.EmailNotConfirmed:
                errors.Add("", "Confirmez d'abord votre adresse de courriel : ouvrez le lien que nous vous avons envoyé.");
                break;
            default:
                errors.Add("", "Identifiant ou mot de passe incorrect.");
                break;
        }

        Show(errors);
        Password = null;
        return Page();
    }
}
