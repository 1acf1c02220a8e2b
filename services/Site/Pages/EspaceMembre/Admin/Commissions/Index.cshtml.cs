using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.Commissions;

/// <summary>
/// « Commissions »: the three territorial commissions and their members and pilots, chosen among the accounts
/// with the role « Membre de commission »; and the dossiers outside every territory, each given to one.
/// </summary>
public sealed class IndexModel(CandidatesApi candidates, MembershipApi membership) : PageModel
{
    public const string Path = "/espace-membre/admin/commissions";

    /// <summary>
    /// Membership lists accounts by search, not by role: the page reads up to this many pages of 100 and keeps
    /// those with the commission's role (past them, the search narrows the list).
    /// </summary>
    public const int AccountPages = 5;

    private static readonly IReadOnlyDictionary<string, string> Notices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["membre-ajoute"] = "La personne est membre de la commission.",
        ["pilote"] = "Le rôle de pilote est enregistré.",
        ["membre-retire"] = "La personne ne fait plus partie de la commission.",
        ["dossier-confie"] = "Le dossier est confié à la commission : il apparaît dans sa file de travail.",
    };

    [BindProperty(SupportsGet = true, Name = "personne")]
    public string? Search { get; set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public IReadOnlyList<TerritoryView> Territories { get; private set; } = [];

    /// <summary>The accounts with the role « Membre de commission » (matching the search, if any).</summary>
    public IReadOnlyList<Account> CommissionAccounts { get; private set; } = [];

    /// <summary>More accounts than the page reads: the search should narrow them.</summary>
    public bool AccountsTruncated { get; private set; }

    public Nege.ServiceDefaults.Http.PageOf<WorkQueueItem>? Undispatched { get; private set; }

    public Pager? Pager { get; private set; }

    public string? Notice { get; private set; }

    public Task<IActionResult> OnGetAsync(string? etat, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Notice = etat is not null && Notices.TryGetValue(etat, out var notice) ? notice : null;
        return LoadAsync(pageNumber, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(Input.AccountId, out var accountId))
        {
            ModelState.AddModelError("Input.AccountId", "Choisissez la personne à ajouter.");
        }

        if (string.IsNullOrWhiteSpace(Input.Territory))
        {
            ModelState.AddModelError("Input.Territory", "Choisissez la commission.");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(1, ct);
        }

        try
        {
            var account = await membership.GetAccountAsync(accountId.ToString(), ct);
            if (!account.Roles.Contains(NegeRoles.Commission))
            {
                ModelState.AddModelError("Input.AccountId",
                    $"{account.FullName} n'a pas le rôle « {NegeRoles.Labels[NegeRoles.Commission]} » : attribuez-le d'abord depuis la page du compte.");
                return await LoadAsync(1, ct);
            }

            var name = account.FullName is { Length: > 0 } fullName ? fullName : account.UserName ?? account.Email;
            await candidates.PutMemberAsync(Input.Territory!, accountId, new TerritoryMemberRequest(name, account.Email, Input.Pilot), ct);
            return Redirect($"{Path}?etat=membre-ajoute#{Anchor(Input.Territory!)}");
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            ModelState.AddModelError("Input.AccountId", "Ce compte n'existe plus.");
        }
        catch (CandidatesApiException exception)
        {
            // territory → Input.Territory; the member's name and e-mail come from the account chosen.
            var problem = exception.Problem;
            var errors = problem?.Errors?.ToDictionary(
                error => error.Key is "displayName" or "email" ? "accountId" : error.Key, error => error.Value);
            ModelState.AddProblem(new CandidatesApiException(exception.Status, problem is null ? null : problem with { Errors = errors }));
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return await LoadAsync(1, ct);
    }

    public async Task<IActionResult> OnPostPilotAsync(string territory, Guid accountId, bool pilot, CancellationToken ct)
    {
        try
        {
            // The member's name and e-mail as the commission has them: only the pilot's role changes.
            var member = (await candidates.GetTerritoriesAsync(ct)).FirstOrDefault(t => t.Territory == territory)
                ?.Members.FirstOrDefault(m => m.AccountId == accountId);
            if (member is null)
            {
                ModelState.AddModelError("", "Cette personne n'est pas membre de cette commission.");
                return await LoadAsync(1, ct);
            }

            await candidates.PutMemberAsync(territory, accountId, new TerritoryMemberRequest(member.DisplayName, member.Email, pilot), ct);
            return Redirect($"{Path}?etat=pilote#{Anchor(territory)}");
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return await LoadAsync(1, ct);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(string territory, Guid accountId, CancellationToken ct)
    {
        try
        {
            await candidates.RemoveMemberAsync(territory, accountId, ct);
            return Redirect($"{Path}?etat=membre-retire#{Anchor(territory)}");
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return await LoadAsync(1, ct);
        }
    }

    public async Task<IActionResult> OnPostDispatchAsync(Guid dossierId, string? territory, string? number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(territory))
        {
            ModelState.AddModelError("", $"Dossier {number} : choisissez la commission à laquelle le confier.");
            return await LoadAsync(1, ct);
        }

        try
        {
            await candidates.DispatchAsync(dossierId, new DispatchRequest(territory), ct);
            return Redirect($"{Path}?etat=dossier-confie#hors-territoire");
        }
        catch (CandidatesApiException exception)
        {
            var message = exception.Problem?.Errors?.Values.SelectMany(messages => messages).FirstOrDefault()
                          ?? exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable;
            ModelState.AddModelError("", $"Dossier {number} : {message}");
            return await LoadAsync(1, ct);
        }
    }

    /// <summary>The id of a territory's section (« Champagne-Ardenne » → <c>commission-champagne-ardenne</c>).</summary>
    public static string Anchor(string territory) => "commission-" + territory.ToLowerInvariant();

    private async Task<IActionResult> LoadAsync(int pageNumber, CancellationToken ct)
    {
        try
        {
            Territories = await candidates.GetTerritoriesAsync(ct);
            Undispatched = await candidates.GetQueueAsync(CandidatesApi.Undispatched, null, false, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Undispatched.Page, Undispatched.PageSize, Undispatched.Total, "?page=");
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        try
        {
            await LoadCommissionAccountsAsync(ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }

    private async Task LoadCommissionAccountsAsync(CancellationToken ct)
    {
        var found = new List<Account>();
        for (var page = 1; page <= AccountPages; page++)
        {
            var accounts = await membership.GetAccountsAsync(Search?.Trim(), page, 100, ct);
            found.AddRange(accounts.Items.Where(account => account.Roles.Contains(NegeRoles.Commission)));
            if (page >= accounts.PageCount)
            {
                CommissionAccounts = found;
                return;
            }
        }

        CommissionAccounts = found;
        AccountsTruncated = true;
    }

    public sealed class MemberInput
    {
        public string? AccountId { get; set; }

        public string? Territory { get; set; }

        public bool Pilot { get; set; }
    }
}
