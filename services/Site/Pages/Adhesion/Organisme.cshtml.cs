using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Nege.Site.Forms;
using Nege.Site.Membership;
using MembershipForm = Nege.Contracts.Membership.MembershipForm;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>Part 2 « Organisme »: saved as a draft, previewed, or saved then submitted to the association.</summary>
[FormSizeLimit(MaxFormBytes, FormTooLargeMessage)]
public sealed class OrganismeModel(MembershipApi api, IDataProtectionProvider dataProtection) : DraftPageModel(api, dataProtection)
{
    public const string AccountOpened = "compte-cree";
    public const string ReferentSaved = "referent";
    public const string DraftSaved = "brouillon";

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public IReadOnlyList<OrganisationChoice> Affiliations { get; private set; } = [];

    public IReadOnlyList<PersonChoice> HrContacts { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is not { } draft)
        {
            return RedirectToPage("Referent");
        }

        Input = OrganisationInput.From(draft);
        Notice = etat switch
        {
            AccountOpened => $"Votre compte est créé. Un courriel de confirmation vient d'être envoyé à {draft.Referent.Email} : confirmez votre adresse et choisissez votre mot de passe. Vous pourrez ainsi revenir plus tard, connecté, pour terminer votre demande.",
            ReferentSaved => "La partie 1 « Référent de l'organisme » est enregistrée.",
            DraftSaved => "Votre brouillon est enregistré. Vous pouvez revenir le compléter plus tard.",
            _ => null,
        };
        await LoadListsAsync(ct);
        return Page();
    }

    /// <summary>« Enregistrer le brouillon ».</summary>
    public Task<IActionResult> OnPostBrouillonAsync(CancellationToken ct) =>
        SaveThenAsync(_ => Task.FromResult<IActionResult>(RedirectToPage(new { etat = DraftSaved })), ct);

    /// <summary>« Aperçu ».</summary>
    public Task<IActionResult> OnPostApercuAsync(CancellationToken ct) =>
        SaveThenAsync(_ => Task.FromResult<IActionResult>(RedirectToPage("Apercu")), ct);

    /// <summary>« Enregistrer »: saved, then submitted to the association.</summary>
    public Task<IActionResult> OnPostEnregistrerAsync(CancellationToken ct) =>
        SaveThenAsync(async access =>
        {
            await Api.SubmitAsync(access, ct);
            return RedirectToPage("Envoyee");
        }, ct);

    private async Task<IActionResult> SaveThenAsync(Func<DraftAccess, Task<IActionResult>> next, CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is null)
        {
            return RedirectToPage("Referent");
        }

        if (ModelState.IsValid)
        {
            try
            {
                Draft = await Api.UpdateOrganisationAsync(Access!, Input.ToPart(await UploadedFile.Base64Async(Input.Logo, ct)), ct);
                return await next(Access!);
            }
            catch (MembershipApiException exception)
            {
                ModelState.AddApplicationProblem<OrganisationInput>(exception);
            }
        }

        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        try
        {
            Affiliations = await Api.GetAffiliationsAsync(ct);
            HrContacts = await Api.GetHrContactsAsync(Access!, ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }

    /// <summary>The form's fields, flat: <c>startup.headcount</c> is <c>StartupHeadcount</c> (see <see cref="ApplicationProblems"/>).</summary>
    public sealed class OrganisationInput
    {
        public string? Name { get; set; }

        public string? Category { get; set; }

        public string? RegionalHeadOffice { get; set; }

        public IFormFile? Logo { get; set; }

        public string? Presentation { get; set; }

        public string? Website { get; set; }

        public bool? DigitalSector { get; set; }

        public string? CompanyType { get; set; }

        public DateOnly? StartupCreationDate { get; set; }

        public int? StartupHeadcount { get; set; }

        public string? StartupTurnoverBand { get; set; }

        public bool StartupSyntecStartupPack { get; set; }

        public List<string> MainActivities { get; set; } = [];

        public List<string> SiteDepartements { get; set; } = [];

        public List<string> InterventionDepartements { get; set; } = [];

        public string? AffiliationOrganisationId { get; set; }

        public string? HrContactUserName { get; set; }

        public int? PerimeterAlsace { get; set; }

        public int? PerimeterChampagneArdenne { get; set; }

        public int? PerimeterLorraine { get; set; }

        public bool CommitmentsDelegation { get; set; }

        public bool CommitmentsStatutes { get; set; }

        public static OrganisationInput From(ApplicationView draft)
        {
            var organisation = draft.Organisation;
            return new OrganisationInput
            {
                Name = organisation.Name,
                Category = organisation.Category,
                RegionalHeadOffice = organisation.RegionalHeadOffice,
                Presentation = organisation.Presentation,
                Website = organisation.Website,
                DigitalSector = organisation.DigitalSector,
                CompanyType = organisation.CompanyType,
                StartupCreationDate = organisation.Startup?.CreationDate,
                StartupHeadcount = organisation.Startup?.Headcount,
                StartupTurnoverBand = organisation.Startup?.TurnoverBand,
                StartupSyntecStartupPack = organisation.Startup?.SyntecStartupPack ?? false,
                MainActivities = [.. organisation.MainActivities ?? []],
                SiteDepartements = [.. organisation.SiteDepartements ?? []],
                InterventionDepartements = [.. organisation.InterventionDepartements ?? []],
                AffiliationOrganisationId = organisation.Affiliation?.OrganisationId,
                HrContactUserName = organisation.HrContact?.UserName ?? draft.Referent.UserName,
                PerimeterAlsace = organisation.Perimeter?.Alsace,
                PerimeterChampagneArdenne = organisation.Perimeter?.ChampagneArdenne,
                PerimeterLorraine = organisation.Perimeter?.Lorraine,
                CommitmentsDelegation = organisation.Commitments?.Delegation ?? false,
                CommitmentsStatutes = organisation.Commitments?.Statutes ?? false,
            };
        }

        public OrganisationRequest ToPart(string? logo) => new(
            Clean(Name), Clean(Category), Clean(RegionalHeadOffice), logo, Clean(Presentation), Clean(Website), DigitalSector, Clean(CompanyType),
            [.. MainActivities.Distinct(StringComparer.Ordinal)],
            [.. SiteDepartements.Distinct(StringComparer.Ordinal)],
            [.. InterventionDepartements.Distinct(StringComparer.Ordinal)],
            Clean(AffiliationOrganisationId),
            Clean(HrContactUserName),
            // The start-up facts only mean something for a start-up.
            CompanyType == MembershipForm.Startup
                ? new StartupInput(StartupCreationDate, StartupHeadcount, Clean(StartupTurnoverBand), StartupSyntecStartupPack)
                : null,
            new PerimeterInput(PerimeterAlsace, PerimeterChampagneArdenne, PerimeterLorraine),
            new CommitmentsInput(CommitmentsDelegation, CommitmentsStatutes));
    }
}
