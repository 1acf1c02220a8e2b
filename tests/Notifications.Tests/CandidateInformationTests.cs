using System.Net;
using Nege.Contracts.Candidates;
using Nege.Notifications.Candidates;

namespace Notifications.Tests;

/// <summary>DossierSubmitted on the broker → the candidate's information e-mail (GDPR article 14) in the SMTP sink.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class CandidateInformationTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_candidate_sent_by_a_partner_is_told_who_processes_their_data_why_how_long_and_their_rights()
    {
        var submitted = new DossierSubmitted(
            Guid.NewGuid(), "D-000042", Guid.NewGuid(), $"lea.{Guid.NewGuid():N}@exemple.fr", "Léa", "Muller", "2026-12",
            new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero))
        {
            Territory = CandidateForm.Alsace,
            NoticeLink = new Uri("http://localhost:8080/candidats/donnees-personnelles/2026-12"),
        };

        await service.PublishAsync(submitted, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(submitted.CandidateEmail, Timeout);
        Assert.Equal("Votre dossier de candidat a été transmis à Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        foreach (var expected in new[]
                 {
                     "Bonjour Léa Muller,", "référence D-000042", "le 1er décembre 2026 à 10h15", "Qui traite vos données : l'association Numéric'Emploi Grand Est",
                     "mission d'intérêt public", "au plus 36 mois après la dernière mise à jour", "rectifier", "CNIL",
                     "(version 2026-12)", "http://localhost:8080/candidats/donnees-personnelles/2026-12",
                 })
        {
            Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        }

        var html = WebUtility.HtmlDecode(email.Html!);
        Assert.Contains("<a href=\"http://localhost:8080/candidats/donnees-personnelles/2026-12\">", html, StringComparison.Ordinal);
        Assert.Equal(CandidateInformationEmail.ComposeFor(submitted).TextBody, email.Text);
    }

    [Fact]
    public async Task Each_pilot_of_the_territory_is_told_once_even_when_the_message_comes_twice()
    {
        var pilots = new[] { new Recipient("Paule Pilote", $"paule.{Guid.NewGuid():N}@exemple.fr"), new Recipient("Marc Pilote", $"marc.{Guid.NewGuid():N}@exemple.fr") };
        var submitted = new DossierSubmitted(
            Guid.NewGuid(), "D-000077", Guid.NewGuid(), $"cand.{Guid.NewGuid():N}@exemple.fr", "Yanis", "Keller", "2026-12", DateTimeOffset.UtcNow)
        {
            Territory = CandidateForm.Lorraine,
            Pilots = pilots,
            ExtranetLink = new Uri("http://localhost:8080/espace-membre/commission/dossiers/1"),
        };
        var messageId = Guid.NewGuid();

        await service.PublishAsync(submitted, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 1);
        await service.PublishAsync(submitted, messageId);

        foreach (var pilot in pilots)
        {
            var email = await service.SmtpSink.Sink.WaitForRecipientAsync(pilot.Email, Timeout);
            Assert.Equal("Nouveau dossier D-000077 pour la commission Lorraine", email.Subject);
            Assert.Contains($"Bonjour {pilot.Name},", email.Text, StringComparison.Ordinal);
            Assert.Contains("Yanis Keller", email.Text, StringComparison.Ordinal);
            Assert.Contains("http://localhost:8080/espace-membre/commission/dossiers/1", email.Text, StringComparison.Ordinal);
        }

        await service.WaitUntilConsumedAsync(messageId, times: 2);
        var later = new DossierSubmitted(Guid.NewGuid(), "D-000078", Guid.NewGuid(), $"after.{Guid.NewGuid():N}@exemple.fr", "A", "B", "2026-12", DateTimeOffset.UtcNow);
        await service.PublishAsync(later, Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(later.CandidateEmail, Timeout);
        foreach (var pilot in pilots)
        {
            Assert.Single(await service.SmtpSink.Sink.GetAllAsync(), e => e.To.Any(to => to.Address == pilot.Email));
        }
    }

    [Fact]
    public async Task The_daily_reminder_lists_the_inactive_dossiers_to_each_pilot()
    {
        var pilot = new Recipient("Inès Pilote", $"ines.{Guid.NewGuid():N}@exemple.fr");
        var due = new InactiveDossiersReminderDue(CandidateForm.Alsace, new DateOnly(2026, 12, 1), 15, [pilot],
            [new InactiveDossier(Guid.NewGuid(), "D-000012", "Léa Muller", "En analyse", 16), new InactiveDossier(Guid.NewGuid(), "D-000013", "Jonas Weber", "Déposé", 40)])
        {
            QueueLink = new Uri("http://localhost:8080/espace-membre/commission?territoire=Alsace&sans-activite=true"),
        };

        await service.PublishAsync(due, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(pilot.Email, Timeout);
        Assert.Equal("Commission Alsace : dossiers sans activité", email.Subject);
        Assert.Contains("2 dossiers de la commission Alsace sont sans activité depuis 15 jours ou plus", email.Text, StringComparison.Ordinal);
        Assert.Contains("D-000013 : Jonas Weber, « Déposé », sans activité depuis 40 jours", email.Text, StringComparison.Ordinal);
        Assert.Contains("territoire=Alsace&sans-activite=true", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_adviser_following_the_candidate_is_told_of_a_status_change_with_its_reason()
    {
        var advisers = new[] { new Recipient("Chloé Conseillère", $"chloe.{Guid.NewGuid():N}@exemple.fr"), new Recipient("Hugo Conseiller", $"hugo.{Guid.NewGuid():N}@exemple.fr") };
        var changed = new DossierStatusChanged(
            Guid.NewGuid(), "D-000123", DossierStatuses.InAnalysis, DossierStatuses.Employable, new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero))
        {
            Reason = "Profil solide en développement web.",
            CandidateName = "Léa Muller",
            Advisers = advisers,
            AdviserLink = new Uri("http://localhost:8080/espace-membre/dossiers/7"),
        };

        await service.PublishAsync(changed, Guid.NewGuid());

        foreach (var adviser in advisers)
        {
            var email = await service.SmtpSink.Sink.WaitForRecipientAsync(adviser.Email, Timeout);
            Assert.Equal("Dossier D-000123 : « Qualifié employable »", email.Subject);
            Assert.Equal(DossierStatusChangeForAdvisers.ComposeFor(changed, adviser).TextBody, email.Text);
            foreach (var expected in new[]
                     {
                         $"Bonjour {adviser.Name},", "Le dossier de Léa Muller (dossier D-000123), que vous suivez, est passé de « En analyse » à « Qualifié employable » le 1er décembre 2026 à 16h30.",
                         "Motif : Profil solide en développement web.", "http://localhost:8080/espace-membre/dossiers/7",
                     })
            {
                Assert.Contains(expected, email.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_pilots_of_the_territory_a_dossier_is_dispatched_to_are_told_of_it()
    {
        var pilot = new Recipient("Rose Pilote", $"rose.{Guid.NewGuid():N}@exemple.fr");
        var dispatched = new DossierDispatched(Guid.NewGuid(), "D-000321", CandidateForm.Alsace, "Marc", "Lefèvre", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero))
        {
            Pilots = [pilot],
            ExtranetLink = new Uri("http://localhost:8080/espace-membre/commission/dossiers/9"),
        };

        await service.PublishAsync(dispatched, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(pilot.Email, Timeout);
        Assert.Equal("Nouveau dossier D-000321 pour la commission Alsace", email.Subject);
        Assert.Equal(DispatchedDossierForPilots.ComposeFor(dispatched, pilot).TextBody, email.Text);
        foreach (var expected in new[] { "Marc Lefèvre (dossier D-000321)", "confié à la commission le 2 décembre 2026", "par un administrateur" })
        {
            Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        }
        Assert.Contains("http://localhost:8080/espace-membre/commission/dossiers/9", email.Text, StringComparison.Ordinal);
    }
}
