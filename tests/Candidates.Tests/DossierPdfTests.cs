using Nege.Candidates.CandidateSpace;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using UglyToad.PdfPig;

namespace Candidates.Tests;

public sealed class DossierPdfTests
{
    [Fact]
    public void The_pdf_reads_back_as_the_dossiers_text_accents_included()
    {
        var (content, _) = DossierRules.Validate(SampleDossiers.Valid(lastName: "Lefèvre-Œuvray"), DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var view = new CandidateDossierView(Guid.NewGuid(), "D-000123", new DossierStatusView("published", "Publié dans le vivier", now), "Alsace", now, now, content!,
            [], [new RecommendationView(Guid.NewGuid(), "job_search", "Démarche de recherche d'emploi", "Cibler les ESN « numériques » — et l'été…", "Paule Pilote", now)],
            [], [], [new ConsentStateView("talent_pool", "Publication d'une fiche anonyme dans le vivier des candidats", true, "2026-12", "partner", "API", now, [])],
            null, [], [], "2026-12", null, new DateOnly(2029, 12, 1));

        using var document = PdfDocument.Open(DossierPdf.Render(view));

        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        foreach (var expected in new[] { "D-000123", "Lefèvre-Œuvray", "Développeuse .NET", "Cibler les ESN « numériques » —", "et l'été…", "01/12/2029", "Publication d'une fiche anonyme" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), text);
        }
    }
}
