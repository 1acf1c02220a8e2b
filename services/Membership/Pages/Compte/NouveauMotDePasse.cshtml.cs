using Microsoft.AspNetCore.Mvc;
using Nege.Membership.Accounts;

namespace Nege.Membership.Pages.Compte;

/// <summary>Choosing a password from a reset or invitation link.</summary>
public sealed class NouveauMotDePasseModel(AccountService accounts) : AccountPage
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Password != Confirmation)
        {
            Show(new Nege.ServiceDefaults.Http.ValidationErrors().Add("confirmation", "Les deux mots de passe saisis sont différents."));
            return Page();
        }

        var errors = await accounts.SetPasswordAsync(Token, Password, cancellationToken);
        Changed = errors.IsEmpty;
        Show(errors);
        return Page();
    }
}
