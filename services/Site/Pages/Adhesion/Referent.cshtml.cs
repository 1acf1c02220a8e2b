using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Nege.Site.Forms;
using Nege.Site.Membership;
using MembershipForm = Nege.Contracts.Membership.MembershipForm;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>Part 1 « Référent de l'organisme »: creates the draft (and the referent's account), or edits it.</summary>
[FormSizeLimit(MaxFormBytes, FormTooLargeMessage)]
public sealed class ReferentModel(MembershipApi api, IDataProtectionProvider dataProtection) : DraftPageModel(api, dataProtection)
{
    [BindProperty]
    public ReferentInput Input { get; set; } = new();

    /// <summary>No draft yet: saving creates it, with the consent (and the account, unless the person is logged in).</summary>
    public bool Creating => Draft is null;

    /// <summary>No draft yet and logged in: the application is made with the person's own account.</summary>
    public bool WithOwnAccount => Creating && User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is { } draft)
        {
            Input = ReferentInput.From(draft.Referent);
        }
        else if (WithOwnAccount)
        {
            await ShowOwnAccountAsync(ct, prefill: true);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var draft = await FindDraftAsync(ct);
        if (ModelState.IsValid)
        {
            try
            {
                var photo = await UploadedFile.Base64Async(Input.Photo, ct);
                if (WithOwnAccount)
                {
                    var mine = await Api.CreateMyDraftAsync(Input.ToOwnAccountDraft(photo), ct);
                    RememberDraft(new DraftAccess(mine.Id, mine.Key));
                    return RedirectToPage("Organisme", new { etat = OrganismeModel.ReferentSaved });
                }

                if (draft is null)
                {
                    var created = await Api.CreateDraftAsync(Input.ToNewDraft(photo), ct);
                    RememberDraft(new DraftAccess(created.Id, created.Key));
                    return RedirectToPage("Organisme", new { etat = OrganismeModel.AccountOpened });
                }

                await Api.UpdateReferentAsync(Access!, Input.ToReferentPart(photo), ct);
                return RedirectToPage("Organisme", new { etat = OrganismeModel.ReferentSaved });
            }
            catch (MembershipApiException exception)
            {
                ModelState.AddApplicationProblem<ReferentInput>(exception);
            }
        }

        if (draft is not null)
        {
            // Shown read-only: the account exists, they are not sent again.
            Input.Email = draft.Referent.Email;
            Input.UserName = draft.Referent.UserName;
        }
        else if (WithOwnAccount)
        {
            await ShowOwnAccountAsync(ct, prefill: false);
        }

        return Page();
    }

    /// <summary>The logged-in person's e-mail and user name, shown read-only; on first display, their identity too.</summary>
    private async Task ShowOwnAccountAsync(CancellationToken ct, bool prefill)
    {
        var me = await Api.GetMeAsync(ct);
        Input.Email = me.Email;
        Input.UserName = me.UserName;
        if (prefill)
        {
            Input.Civility = me.Civility;
            Input.LastName = me.LastName;
            Input.FirstName = me.FirstName;
            Input.Function = me.Function;
        }
    }

    /// <summary>The form's fields, flat: <c>workplace.city</c> is <c>WorkplaceCity</c> (see <see cref="ApplicationProblems"/>).</summary>
    public sealed class ReferentInput
    {
        public string? Email { get; set; }

        public string? UserName { get; set; }

        public string? Civility { get; set; }

        public string? LastName { get; set; }

        public string? FirstName { get; set; }

        public string? Function { get; set; }

        public IFormFile? Photo { get; set; }

        public string? MobilePhone { get; set; }

        public string? LandlinePhone { get; set; }

        public string? WorkplaceSiteName { get; set; }

        public string? WorkplaceZone { get; set; } = MembershipForm.WorkplaceZones[0];

        public string? WorkplaceAddress { get; set; }

        public string? WorkplacePostalCode { get; set; }

        public string? WorkplaceCity { get; set; }

        public List<string> NotificationCategories { get; set; } = [];

        public bool Consent { get; set; }

        public static ReferentInput From(ReferentView referent) => new()
        {
            Email = referent.Email,
            UserName = referent.UserName,
            Civility = referent.Civility,
            LastName = referent.LastName,
            FirstName = referent.FirstName,
            Function = referent.Function,
            MobilePhone = referent.MobilePhone,
            LandlinePhone = referent.LandlinePhone,
            WorkplaceSiteName = referent.Workplace?.SiteName,
            WorkplaceZone = referent.Workplace?.Zone ?? MembershipForm.WorkplaceZones[0],
            WorkplaceAddress = referent.Workplace?.Address,
            WorkplacePostalCode = referent.Workplace?.PostalCode,
            WorkplaceCity = referent.Workplace?.City,
            NotificationCategories = [.. referent.NotificationCategories ?? []],
            Consent = true,
        };

        public ReferentRequest ToNewDraft(string? photo)
        {
            var part = ToReferentPart(photo);
            return new ReferentRequest(
                Clean(Email), Clean(UserName), part.Civility, part.LastName, part.FirstName, part.Function, photo,
                part.MobilePhone, part.LandlinePhone, part.Workplace, part.NotificationCategories, Consent);
        }

        public OwnAccountReferentRequest ToOwnAccountDraft(string? photo)
        {
            var part = ToReferentPart(photo);
            return new OwnAccountReferentRequest(
                part.Civility, part.LastName, part.FirstName, part.Function, photo,
                part.MobilePhone, part.LandlinePhone, part.Workplace, part.NotificationCategories, Consent);
        }

        public ReferentUpdateRequest ToReferentPart(string? photo) => new(
            Clean(Civility), Clean(LastName), Clean(FirstName), Clean(Function), photo, Clean(MobilePhone), Clean(LandlinePhone),
            new WorkplaceInput(Clean(WorkplaceSiteName), Clean(WorkplaceZone), Clean(WorkplaceAddress), Clean(WorkplacePostalCode), Clean(WorkplaceCity)),
            [.. NotificationCategories.Distinct(StringComparer.Ordinal)]);
    }
}
