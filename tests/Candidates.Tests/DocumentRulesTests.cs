using Nege.Candidates.Documents;
using Nege.Contracts.Candidates;

namespace Candidates.Tests;

/// <summary>A dossier's documents are recognised by their bytes, named safely and bounded in size.</summary>
public sealed class DocumentRulesTests
{
    private const string Cv = "Curriculum Vitae";

    public static TheoryData<string, string, string> AcceptedFiles() => new()
    {
        { "pdf", "cv.pdf", "application/pdf" },
        { "docx", "Lettre de motivation.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "odt", "lettre.ODT", "application/vnd.oasis.opendocument.text" },
        { "png", "diplome.png", "image/png" },
        { "jpeg", "attestation.jpg", "image/jpeg" },
        { "jpeg", "attestation.jpeg", "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Each_accepted_format_is_recognised_by_its_bytes(string sample, string fileName, string contentType)
    {
        var bytes = Sample(sample);

        var (document, errors) = DocumentRules.Validate(Cv, fileName, bytes);

        Assert.True(errors.IsEmpty, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        Assert.Equal((Cv, fileName, contentType), (document!.Kind, document.FileName, document.Format.ContentType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), document.Sha256);
        Assert.Same(bytes, document.Content);
    }

    public static TheoryData<string, byte[], string> RefusedFiles() => new()
    {
        { "cv.pdf", SampleDocuments.Elf(), "programme exécutable" },
        { "cv.docx", SampleDocuments.WindowsExecutable(), "programme exécutable" },
        { "cv.pdf", "#!/bin/sh\nrm -rf ~\n"u8.ToArray(), "programme exécutable" },
        { "cv.pdf", [], "vide" },
        { "cv.txt", "Élodie Martin, développeuse"u8.ToArray(), "d'aucun des types acceptés" },
        { "cv.docx", SampleDocuments.Zip(("cv.txt", "Élodie")), "ni un document Word (DOCX) ni un document OpenDocument (ODT)" },
        { "tableau.odt", SampleDocuments.Odt("application/vnd.oasis.opendocument.spreadsheet"), "ni un document Word" },
        { "cv.docx", SampleDocuments.Docx(withMacros: true), "macros" },
        { "cv.docx", [.. "PK\x03\x04"u8, .. new byte[64]], "ne peut pas être lu" },
        { "cv.pdf", SampleDocuments.Png(), "« cv.pdf » annonce un fichier .pdf, mais son contenu est une image PNG : renommez-le en .png" },
        { "cv.docx", SampleDocuments.Odt(), "son contenu est un document OpenDocument (ODT)" },
        { "diplome.exe", SampleDocuments.Pdf(), "annonce un fichier .exe" },
        { "cv", SampleDocuments.Pdf(), "« cv » n'a pas d'extension : ce fichier est un PDF, nommez-le « cv.pdf »" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void A_file_that_is_not_what_is_accepted_or_not_what_its_name_says_is_refused_in_French(string fileName, byte[] bytes, string message)
    {
        var (document, errors) = DocumentRules.Validate(Cv, fileName, bytes);

        Assert.Null(document);
        var field = Assert.Single(errors.ToDictionary());
        Assert.Equal("file", field.Key);
        Assert.Contains(message, Assert.Single(field.Value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData(" ", "obligatoire")]
    [InlineData("CV", "« CV » n'est pas dans la liste")]
    public void The_kind_comes_from_seed_004s_list(string? kind, string message)
    {
        var (document, errors) = DocumentRules.Validate(kind, "cv.pdf", SampleDocuments.Pdf());

        Assert.Null(document);
        var messages = errors.ToDictionary()["kind"];
        Assert.Contains(message, Assert.Single(messages), StringComparison.Ordinal);
        Assert.Contains("« Lettre de recommandation »", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_seed_004_is_accepted_and_a_missing_file_is_its_own_error()
    {
        Assert.All(CandidateForm.DocumentKinds, kind => Assert.True(DocumentRules.Validate($" {kind} ", "cv.pdf", SampleDocuments.Pdf()).Errors.IsEmpty));

        var (_, errors) = DocumentRules.Validate("Diplôme", null, null);
        Assert.Equal(["file"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(@"C:\Users\elodie\Documents\cv.pdf", "cv.pdf")]
    [InlineData("../../etc/cv.pdf", "cv.pdf")]
    [InlineData("cv\u202Efdp.exe", "cvfdp.exe")]
    [InlineData("  ..cv\tfinal .pdf. ", "cv final.pdf")]
    [InlineData("a<b>:c\"d|e?f*.pdf", "a_b__c_d_e_f_.pdf")]
    [InlineData("Lettre de motivation Éloïse.pdf", "Lettre de motivation Éloïse.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("nul", "_nul")]
    [InlineData("", "document")]
    [InlineData(null, "document")]
    [InlineData("\u0007\u200B.pdf", "pdf")]
    [InlineData("Attestation du 12.03 signée", "Attestation du 12.03 signée")]
    public void A_file_name_is_made_safe(string? original, string safe) => Assert.Equal(safe, DocumentFileName.Safe(original));

    [Fact]
    public void A_long_file_name_is_cut_between_whole_characters_and_keeps_its_extension()
    {
        var safe = DocumentFileName.Safe(string.Concat(Enumerable.Repeat("é👍", 100)) + ".pdf");

        // 116 characters for the stem: 38 × « é👍 », one « é », and no room for half an emoji.
        Assert.Equal(DocumentFileName.MaxLength - 1, safe.Length);
        Assert.EndsWith("é👍é.pdf", safe, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Text.Rune.ReplacementChar, safe.EnumerateRunes());
    }

    [Fact]
    public void One_document_is_at_most_5_MB_and_a_dossiers_documents_20_MB()
    {
        Assert.Null(DocumentRules.TooLarge(DocumentRules.MaxBytes));
        Assert.Equal("Un document ne doit pas dépasser 5 Mo (ce fichier fait 5,1 Mo).", DocumentRules.TooLarge(DocumentRules.MaxBytes + 1));

        Assert.Null(DocumentRules.OverDossierLimit(15 * 1024 * 1024, DocumentRules.MaxBytes));
        var refusal = DocumentRules.OverDossierLimit(18 * 1024 * 1024, 3 * 1024 * 1024);
        Assert.StartsWith("Les documents d'un dossier ne doivent pas dépasser 20 Mo au total : ce dossier en contient déjà 18 Mo et ce fichier fait 3 Mo.", refusal, StringComparison.Ordinal);

        Assert.Null(DocumentRules.TooMany(DocumentRules.MaxCount - 1));
        Assert.NotNull(DocumentRules.TooMany(DocumentRules.MaxCount));
    }

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => SampleDocuments.Pdf(),
        "docx" => SampleDocuments.Docx(),
        "odt" => SampleDocuments.Odt(),
        "png" => SampleDocuments.Png(),
        _ => SampleDocuments.Jpeg(),
    };
}
