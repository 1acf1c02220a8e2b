using Microsoft.Extensions.Options;
using Nege.Contracts.Accounts;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Security;

namespace Nege.Notifications.Accounts;

internal static class AccountEmailTexts
{
    public static EmailMessage Build(string to, string subject, Uri link, IReadOnlyList<string> paragraphs) =>
        EmailBodies.Build(to, subject, [.. paragraphs, "Numéric'Emploi Grand Est"], link);
}

/// <summary>« Confirmez votre adresse » after a person registers.</summary>
public sealed class EmailConfirmationEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<EmailConfirmationEmail> logger)
    : EmailConsumer<AccountEmailConfirmationRequested>(db, email, clock, logger)
{
    protected override string Template => "account-email-confirmation";

    protected override EmailMessage Compose(AccountEmailConfirmationRequested message) =>
        AccountEmailTexts.Build(message.Email, "Confirmez votre adresse de courriel — Numéric'Emploi Grand Est", message.ConfirmationLink,
        [
            $"Bonjour {message.FirstName} {message.LastName},",
            "Votre compte sur l'extranet de Numéric'Emploi Grand Est est créé. Pour confirmer votre adresse de courriel, ouvrez ce lien :",
            message.ConfirmationLink.AbsoluteUri,
            $"Ce lien ne sert qu'une fois et expire le {FrenchDates.Format(message.ExpiresAt)}.",
            "Si vous n'avez pas créé ce compte, ignorez ce courriel.",
        ]);
}

/// <summary>« Choisissez un nouveau mot de passe » after a person asked for it.</summary>
public sealed class PasswordResetEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<PasswordResetEmail> logger)
    : EmailConsumer<PasswordResetRequested>(db, email, clock, logger)
{
    protected override string Template => "account-password-reset";

    protected override EmailMessage Compose(PasswordResetRequested message) =>
        AccountEmailTexts.Build(message.Email, "Réinitialisation de votre mot de passe — Numéric'Emploi Grand Est", message.ResetLink,
        [
            $"Bonjour {message.FirstName} {message.LastName},",
            "Vous avez demandé à choisir un nouveau mot de passe pour votre compte sur l'extranet de Numéric'Emploi Grand Est. Ouvrez ce lien :",
            message.ResetLink.AbsoluteUri,
            $"Ce lien ne sert qu'une fois et expire le {FrenchDates.Format(message.ExpiresAt)}.",
            "Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe actuel reste valable.",
        ]);
}

/// <summary>« Un compte vous a été ouvert » with the link to choose a password.</summary>
public sealed class InvitationEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<InvitationEmail> logger)
    : EmailConsumer<AccountInvited>(db, email, clock, logger)
{
    protected override string Template => "account-invitation";

    protected override EmailMessage Compose(AccountInvited message)
    {
        var roles = message.Roles.Select(role => NegeRoles.Labels.GetValueOrDefault(role, role)).ToList();
        return AccountEmailTexts.Build(message.Email, "Votre accès à l'extranet de Numéric'Emploi Grand Est", message.SetPasswordLink,
        [
            $"Bonjour {message.FirstName} {message.LastName},",
            $"Un compte vous a été ouvert sur l'extranet de Numéric'Emploi Grand Est par {message.InvitedBy}" +
            (roles.Count > 0 ? $", avec le rôle : {string.Join(", ", roles)}." : "."),
            "Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien :",
            message.SetPasswordLink.AbsoluteUri,
            $"Ce lien ne sert qu'une fois et expire le {FrenchDates.Format(message.ExpiresAt)}.",
        ]);
    }
}
