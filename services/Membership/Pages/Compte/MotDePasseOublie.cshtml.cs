using Microsoft.AspNetCore.Mvc;
using Nege.Membership.Accounts;

namespace Nege.Membership.Pages.Compte;

public sealed class MotDePasseOublieModel(AccountService accounts) : AccountPage
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await accounts.RequestPasswordResetAsync(Email, cancellationToken);
        Sent = errors.IsEmpty;
        Show(errors);
        return Page();
    }
}
