using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Candidates;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>The retention warning's e-mails, and Notifications forgetting an erased candidate.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class RetentionEmailsTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_candidate_and_the_adviser_are_warned_then_every_e_mail_about_the_erased_candidate_is_forgotten()
    {
        var candidate = $"candidate.{Guid.NewGuid():N}@exemple.fr";
        var adviser = new Recipient("Nadia Conseillère", $"conseil.{Guid.NewGuid():N}@agence.fr");
        var number = $"D-{Random.Shared.Next(100_000, 999_999)}";
        await service.PublishAsync(new DossierRetentionWarning(Guid.NewGuid(), number, new DateOnly(2029, 12, 1), DateTimeOffset.UtcNow)
        {
            CandidateFirstName = "Élodie", CandidateEmail = candidate, Advisers = [adviser], RetentionMonths = 36,
        }, Guid.NewGuid());

        var warned = await service.SmtpSink.Sink.WaitForRecipientAsync(candidate, Timeout);
        Assert.Equal($"Votre dossier {number} sera effacé à partir du 1er décembre 2029", warned.Subject);
        Assert.Contains("mettez votre dossier à jour", warned.Text, StringComparison.Ordinal);
        var told = await service.SmtpSink.Sink.WaitForRecipientAsync(adviser.Email, Timeout);
        Assert.Contains(number, told.Subject, StringComparison.Ordinal);
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.EmailDeliveries.CountAsync(d => d.Recipient == candidate || d.Recipient == adviser.Email)).ContinueWith(t => t.Result == 2),
            Timeout, "both warnings recorded");

        await service.PublishAsync(new DossierErased(Guid.NewGuid(), number, candidate, "durée de conservation écoulée", DateTimeOffset.UtcNow), Guid.NewGuid());

        await Eventually.UntilAsync(() => service.QueryAsync(db => db.EmailDeliveries.AnyAsync(d => d.Recipient == candidate || d.Subject.Contains(number))).ContinueWith(t => !t.Result),
            Timeout, "the e-mails about the erased candidate forgotten");
    }
}
