using Microsoft.AspNetCore.Mvc;
using Nege.Membership.Accounts;

namespace Nege.Membership.Pages.Compte;

public sealed class InscriptionModel(AccountService accounts) : AccountPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Civility { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? Function { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    public bool Registered { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (account, errors) = await accounts.RegisterAsync(
            new RegistrationRequest(Email, UserName, Civility, LastName, FirstName, Function, Password, Consent), cancellationToken);
        Registered = account is not null;
        Show(errors);
        Password = null;
        return Page();
    }
}
