using System.Net;
using Nege.Contracts.Candidates;

namespace Notifications.Tests;

/// <summary>A company's interest in a candidate, and the candidate's answer, on the broker → the e-mails in the SMTP sink.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class InterestEmailsTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_candidate_is_asked_with_a_link_of_their_own_and_the_pilot_and_the_adviser_are_told()
    {
        var candidate = $"candidate.{Guid.NewGuid():N}@exemple.fr";
        var pilot = new Recipient("Paule Pilote", $"pilote.{Guid.NewGuid():N}@exemple.fr");
        var adviser = new Recipient("Nadia Conseillère", $"conseil.{Guid.NewGuid():N}@agence.fr");
        var recorded = new InterestRecorded(Guid.NewGuid(), Guid.NewGuid(), "D-000077", "Octet & Cie", "Nous recrutons une développeuse Java <en CDI>.", DateTimeOffset.UtcNow)
        {
            CandidateFirstName = "Élodie",
            CandidateName = "Élodie Schmitt",
            CandidateEmail = candidate,
            AnswerLink = new Uri("http://localhost:8080/candidats/interet?jeton=abc123"),
            Pilots = [pilot],
            Advisers = [adviser, pilot],
            CommissionLink = new Uri("http://localhost:8080/espace-membre/commission/dossiers/42"),
        };

        await service.PublishAsync(recorded, Guid.NewGuid());

        var asked = await service.SmtpSink.Sink.WaitForRecipientAsync(candidate, Timeout);
        Assert.Equal("Octet & Cie souhaite vous contacter", asked.Subject);
        foreach (var expected in new[] { "Bonjour Élodie,", "Octet & Cie", "Nous recrutons une développeuse Java <en CDI>.", "ne lui seront communiqués que si vous l'acceptez", "http://localhost:8080/candidats/interet?jeton=abc123" })
        {
            Assert.Contains(expected, asked.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Schmitt", asked.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost:8080/candidats/interet?jeton=abc123\">", WebUtility.HtmlDecode(asked.Html!), StringComparison.Ordinal);
        Assert.DoesNotContain("<en CDI>", asked.Html!, StringComparison.Ordinal);
        foreach (var follower in new[] { pilot, adviser })
        {
            var told = await service.SmtpSink.Sink.WaitForRecipientAsync(follower.Email, Timeout);
            Assert.Equal("Dossier D-000077 : Octet & Cie est intéressé", told.Subject);
            Assert.Contains($"Bonjour {follower.Name},", told.Text, StringComparison.Ordinal);
            Assert.Contains("Élodie Schmitt (dossier D-000077)", told.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("jeton", told.Text, StringComparison.Ordinal);
        }

        // The pilot, also listed among the advisers, gets one e-mail, not two.
        var all = await service.SmtpSink.Sink.GetAllAsync();
        Assert.Single(all, e => e.To.Any(to => to.Address == pilot.Email));
    }

    [Theory]
    [InlineData(true, "Élodie accepte votre prise de contact", "Ses coordonnées et son CV sont dans l'extranet")]
    [InlineData(false, "Élodie décline votre prise de contact", "ne vous seront pas communiquées")]
    public async Task The_recruiter_learns_the_candidates_answer(bool agreed, string subject, string says)
    {
        var recruiter = new Recipient("Rémi Recruteur", $"rh.{Guid.NewGuid():N}@octet.fr");
        await service.PublishAsync(new InterestAnswered(Guid.NewGuid(), "D-000078", agreed, recruiter, "Octet & Cie", DateTimeOffset.UtcNow)
        {
            CandidateFirstName = "Élodie",
            InterestLink = new Uri("http://localhost:8080/espace-membre/vivier/interets/9"),
        }, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(recruiter.Email, Timeout);
        Assert.Equal(subject, email.Subject);
        Assert.Contains(says, email.Text, StringComparison.Ordinal);
        Assert.Equal(agreed, email.Text!.Contains("http://localhost:8080/espace-membre/vivier/interets/9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recruiter_is_asked_for_news_of_a_silent_follow_up_sheet()
    {
        var recruiter = new Recipient("Rémi Recruteur", $"rh.{Guid.NewGuid():N}@octet.fr");
        await service.PublishAsync(new FollowUpReminderDue(Guid.NewGuid(), "D-000079", recruiter, "Octet & Cie", 23, DateTimeOffset.UtcNow)
        {
            CandidateFirstName = "Élodie",
            SheetLink = new Uri("http://localhost:8080/espace-membre/vivier/interets/10"),
        }, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(recruiter.Email, Timeout);
        Assert.Equal("Fiche de suivi de Élodie : des nouvelles ?", email.Subject);
        Assert.Contains("n'a pas de nouvelles depuis 23 jours", email.Text, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080/espace-membre/vivier/interets/10", email.Text, StringComparison.Ordinal);
    }
}
