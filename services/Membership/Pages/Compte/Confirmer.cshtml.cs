using Microsoft.AspNetCore.Mvc;
using Nege.Membership.Accounts;

namespace Nege.Membership.Pages.Compte;

/// <summary>The link of the confirmation e-mail lands here; the address is confirmed by a POST (a link preview must not use it up).</summary>
public sealed class ConfirmerModel(AccountService accounts) : AccountPage
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await accounts.ConfirmEmailAsync(Token, cancellationToken);
        Confirmed = errors.IsEmpty;
        Show(errors);
        return Page();
    }
}
