using Microsoft.AspNetCore.DataProtection;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>The application is sent: the draft cookie has served its purpose.</summary>
public sealed class EnvoyeeModel(MembershipApi api, IDataProtectionProvider dataProtection) : DraftPageModel(api, dataProtection)
{
    public void OnGet() => ForgetDraft();
}
