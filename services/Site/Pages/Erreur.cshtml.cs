using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nege.Site.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Reached directly (no error, no status code), the page is simply not a page.
        var status = code ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is null
            ? StatusCodes.Status404NotFound
            : StatusCodes.Status500InternalServerError);
        (Title, Message) = status switch
        {
            StatusCodes.Status404NotFound => ("Page introuvable", "La page demandée n'existe pas ou a été déplacée."),
            StatusCodes.Status401Unauthorized => ("Connexion impossible", "La connexion n'a pas abouti. Veuillez réessayer."),
            StatusCodes.Status403Forbidden => ("Accès refusé", "Votre compte n'a pas les droits nécessaires pour consulter cette page."),
            >= 400 and < 500 => ("Demande impossible", "Cette demande ne peut pas être traitée. Vérifiez l'adresse ou revenez à l'accueil."),
            _ => ("Une erreur s'est produite", "Veuillez réessayer dans quelques instants."),
        };
        Response.StatusCode = status;
    }
}
