using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>An e-mail to each of the people following a dossier (pilots, partners' advisers), one per address.</summary>
internal static class Followers
{
    public static IReadOnlyList<EmailMessage> EachOf(IEnumerable<Recipient> people, Func<Recipient, EmailMessage> compose) =>
        [.. people.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Select(compose)];

    public static IReadOnlyList<string> WithLink(IEnumerable<string> paragraphs, Uri? link, string linkText) =>
        link is null ? [.. paragraphs, "Numéric'Emploi Grand Est"] : [.. paragraphs, $"{linkText} : {link.AbsoluteUri}", "Numéric'Emploi Grand Est"];
}
