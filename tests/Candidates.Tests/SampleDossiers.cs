using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Candidates.Tests;

/// <summary>Valid dossiers to start from; each test changes what it is about.</summary>
public static class SampleDossiers
{
    /// <summary>A new person each time (an address and a last name of their own), unless told who.</summary>
    public static DossierRequest Valid(string? email = null, string? lastName = null, string firstName = "Élodie", DateOnly? birthDate = null, string postalCode = "67000") => new(
        new IdentificationInput(firstName, lastName ?? UniqueLastName(), "FT-123456", new PostalAddressInput("12 rue des Tanneurs", null, postalCode, "Strasbourg"),
            email ?? $"candidat.{Guid.NewGuid():N}@exemple.fr", "06 12 34 56 78", birthDate ?? new DateOnly(1990, 5, 12)),
        new SearchContextInput(null, null, [CandidateForm.Reconversion]),
        new ProfileInput(
            [new SkillInput("Technique", "C#", "Maîtrise"), new SkillInput("Langue", "Anglais", "B2")],
            ["Rigueur"], "Niveau 6 (bac+3, bac+4 : licence, BUT, master 1)", "Licence professionnelle", 4, "Quatre ans de support informatique."),
        new ProjectInput(["Développeuse .NET"], ["PME : 10-250 personnes"], ["CDI"], 3_800_000,
            new MobilityInput(["Alsace : Bas-Rhin (67)"], 40), "Azure"),
        new ConsentInput(CandidateNotices.CurrentDataUseVersion, false));

    /// <summary>Letters only: the person key ignores digits.</summary>
    public static string UniqueLastName() =>
        "Martin-" + new string([.. Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
}
