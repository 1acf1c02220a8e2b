using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nege.Site.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    public string Title { get; private set; } = "Une erreur s'est produite";

    public string Message { get; private set; } = "Veuillez réessayer dans quelques instants.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code == StatusCodes.Status404NotFound)
        {
            Title = "Page introuvable";
            Message = "La page demandée n'existe pas ou a été déplacée.";
        }

        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }
}
