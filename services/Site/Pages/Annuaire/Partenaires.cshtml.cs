using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Site.Annuaire;

namespace Nege.Site.Pages.Annuaire;

/// <summary>
/// « Annuaire de nos partenaires »: the employment, support and training partners and the professional organisations,
/// each kind with its role in the seed's words and the members of its category, all of them (page after page of
/// Directory's search).
/// </summary>
public sealed class PartenairesModel(DirectoryApi api) : PageModel
{
    public const string Unavailable = "La liste de ces partenaires ne peut pas être affichée pour le moment. Veuillez réessayer dans quelques instants.";

    public IReadOnlyList<PartnerSection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sections = await Task.WhenAll(PartnerKinds.All.Select(async kind =>
        {
            try
            {
                return new PartnerSection(kind, await api.ListCategoryAsync(kind.Category, ct), null);
            }
            catch (DirectoryApiException)
            {
                return new PartnerSection(kind, [], Unavailable);
            }
        }));

    public sealed record PartnerSection(PartnerKind Kind, IReadOnlyList<DirectoryEntryView> Members, string? Problem);
}
