using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Pages.EspaceMembre.Commission;

/// <summary>
/// One candidate's request as <c>_RightsRequest</c> shows it: <paramref name="Queued"/> in the requests page's list (its
/// dossier and candidate), null on the dossier's own page; <paramref name="Answering"/>, the answer the API refused and
/// its message, shown again; <paramref name="Hidden"/>, what the answer's form carries back (the list's filters).
/// </summary>
public sealed record RightsRequestItem(
    RightsRequestView Request,
    CommissionRightsRequestView? Queued,
    (Guid Id, string? Message)? Answering,
    IReadOnlyList<(string Name, string? Value)> Hidden);
