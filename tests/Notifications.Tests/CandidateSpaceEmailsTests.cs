using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Candidates;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>The e-mails of the candidate's space: what they corrected or reported, their requests and the answers.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class CandidateSpaceEmailsTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static Recipient Someone(string name) => new(name, $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@exemple.fr");

    private static string Number() => $"D-{Random.Shared.Next(100_000, 999_999)}";

    [Fact]
    public async Task A_rectification_and_a_commitment_reach_each_pilot_and_adviser_once()
    {
        var pilot = Someone("Paul Pilote");
        var adviser = Someone("Nadia Conseillère");
        var number = Number();
        await service.PublishAsync(new DossierRectified(Guid.NewGuid(), number, "Élodie Martin", ["Identification et coordonnées", "Profil professionnel"], DateTimeOffset.UtcNow)
        {
            Pilots = [pilot], Advisers = [adviser, adviser with { Name = "Nadia C." }], CommissionLink = new Uri("https://site.test/espace-membre/commission/dossiers/1"),
        }, Guid.NewGuid());

        var rectified = await service.SmtpSink.Sink.WaitForRecipientAsync(adviser.Email, Timeout);
        Assert.Equal($"Dossier {number} : Élodie Martin a corrigé son dossier", rectified.Subject);
        Assert.Contains("Sections modifiées : Identification et coordonnées, Profil professionnel.", rectified.Text, StringComparison.Ordinal);
        Assert.Contains("https://site.test/espace-membre/commission/dossiers/1", (await service.SmtpSink.Sink.WaitForRecipientAsync(pilot.Email, Timeout)).Text, StringComparison.Ordinal);

        await service.PublishAsync(new CandidateCommitmentReported(Guid.NewGuid(), number, "Élodie Martin", "found_job", "J'ai trouvé un emploi", "CDI chez Alsace Numérique", DateTimeOffset.UtcNow)
        {
            Effect = "La fiche du candidat a quitté le vivier : les entreprises ne la trouvent plus.", Pilots = [pilot], Advisers = [adviser],
        }, Guid.NewGuid());

        await Eventually.UntilAsync(() => service.QueryAsync(db => db.EmailDeliveries.CountAsync(d => d.Recipient == adviser.Email)).ContinueWith(t => t.Result == 2), Timeout, "the adviser's two e-mails");
        var reported = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.Recipient == adviser.Email && d.Subject.Contains("trouvé")));
        Assert.Equal($"Dossier {number} : J'ai trouvé un emploi", reported.Subject);
        Assert.Contains("Ses précisions : CDI chez Alsace Numérique", reported.TextBody, StringComparison.Ordinal);
        Assert.Contains("a quitté le vivier", reported.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_tells_the_pilots_its_due_date_the_reminder_repeats_it_and_the_answer_reaches_the_candidate()
    {
        var pilot = Someone("Paul Pilote");
        var candidate = $"candidate.{Guid.NewGuid():N}@exemple.fr";
        var number = Number();
        var requestId = Guid.NewGuid();
        await service.PublishAsync(new RightsRequestMade(requestId, Guid.NewGuid(), number, "Élodie Martin", "objection", "Opposition au traitement de mes données", "Je ne veux plus être suivie.",
            new DateOnly(2027, 1, 15), DateTimeOffset.UtcNow) { Pilots = [pilot], RequestsLink = new Uri("https://site.test/espace-membre/commission/demandes") }, Guid.NewGuid());

        var made = await service.SmtpSink.Sink.WaitForRecipientAsync(pilot.Email, Timeout);
        Assert.Equal("Demande d'un candidat à traiter avant le 15 janvier 2027 : Opposition au traitement de mes données", made.Subject);
        Assert.Contains("Je ne veux plus être suivie.", made.Text, StringComparison.Ordinal);

        await service.PublishAsync(new RightsRequestReminderDue(requestId, number, "Élodie Martin", "Opposition au traitement de mes données", new DateOnly(2027, 1, 15), DateTimeOffset.UtcNow)
        { Pilots = [pilot] }, Guid.NewGuid());
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.EmailDeliveries.AnyAsync(d => d.Recipient == pilot.Email && d.Subject.StartsWith("Rappel"))), Timeout, "the reminder");

        await service.PublishAsync(new RightsRequestAnswered(requestId, number, "Élodie", candidate, "Opposition au traitement de mes données", false, "Votre plan se termine dans deux semaines.", DateTimeOffset.UtcNow), Guid.NewGuid());
        var answered = await service.SmtpSink.Sink.WaitForRecipientAsync(candidate, Timeout);
        Assert.Equal("Réponse à votre demande : Opposition au traitement de mes données", answered.Subject);
        Assert.Contains("n'est pas acceptée", answered.Text, StringComparison.Ordinal);
        Assert.Contains("Votre plan se termine dans deux semaines.", answered.Text, StringComparison.Ordinal);
        Assert.Contains("CNIL", answered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erasure_at_the_candidates_request_forgets_everything_but_the_confirmation_sent_to_them()
    {
        var candidate = $"candidate.{Guid.NewGuid():N}@exemple.fr";
        var number = Number();
        await service.PublishAsync(new RightsRequestAnswered(Guid.NewGuid(), number, "Élodie", candidate, "Correction des analyses de la commission", true, null, DateTimeOffset.UtcNow), Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(candidate, Timeout);

        await service.PublishAsync(new DossierErased(Guid.NewGuid(), number, candidate, "demande de suppression du candidat acceptée", DateTimeOffset.UtcNow)
        {
            AtCandidatesRequest = true, CandidateFirstName = "Élodie", Message = "Bonne continuation !",
        }, Guid.NewGuid());

        await Eventually.UntilAsync(() => service.QueryAsync(db => db.EmailDeliveries.Where(d => d.Recipient == candidate).Select(d => d.Subject).ToListAsync())
            .ContinueWith(t => t.Result is ["Votre dossier est supprimé"]), Timeout, "only the confirmation left");
        var confirmation = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.Recipient == candidate));
        Assert.Contains($"(référence {number}) est clos et supprimé", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonne continuation !", confirmation.TextBody, StringComparison.Ordinal);
    }
}
