using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Notifications;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Membership.Accounts;

/// <summary>
/// The person left the digest by its e-mail's link: the account's news categories are cleared, as Notifications' already
/// are (so nothing is sent back), and its member area shows none ticked.
/// </summary>
public sealed class NewsDigestUnsubscribedConsumer(MembershipDbContext db, TimeProvider clock, ILogger<NewsDigestUnsubscribedConsumer> logger)
    : IdempotentConsumer<NewsDigestUnsubscribed, MembershipDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<NewsDigestUnsubscribed> context, CancellationToken cancellationToken)
    {
        var account = await Db.Accounts.SingleOrDefaultAsync(a => a.Id == context.Message.AccountId, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("Unsubscription from the news digest for unknown account {AccountId}; ignored", context.Message.AccountId);
            return;
        }

        account.NotificationCategories = [];
    }
}
