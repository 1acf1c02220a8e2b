using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults.Security;

namespace Nege.ServiceDefaults.Messaging;

/// <summary>How far the service's outbox is behind, for administrators: rows waiting, the oldest, the last error.</summary>
public sealed record MessagingStatus(int Pending, DateTimeOffset? OldestPendingSince, int Failing, string? LastError, DateTimeOffset? LastSentAt);

public static class MessagingStatusEndpoint
{
    public static IEndpointRouteBuilder MapMessagingStatus<TDbContext>(this IEndpointRouteBuilder routes, string serviceName)
        where TDbContext : DbContext
    {
        routes.MapGet($"/api/{serviceName}/admin/messaging", async Task<Ok<MessagingStatus>> (TDbContext db, CancellationToken cancellationToken) =>
            {
                var outbox = db.Set<OutboxMessage>().AsNoTracking();
                var pending = outbox.Where(m => m.SentAt == null);
                var status = new MessagingStatus(
                    await pending.CountAsync(cancellationToken),
                    await pending.MinAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken),
                    await pending.CountAsync(m => m.LastError != null, cancellationToken),
                    await pending.Where(m => m.LastError != null).OrderByDescending(m => m.OccurredAt).Select(m => m.LastError).FirstOrDefaultAsync(cancellationToken),
                    await outbox.MaxAsync(m => m.SentAt, cancellationToken));
                return TypedResults.Ok(status);
            })
            .WithName($"{serviceName}-messaging-status")
            .WithTags("Exploitation")
            .WithSummary("État de la boîte d'envoi des événements du service")
            .RequireAccess(AccessPolicies.Operations);
        return routes;
    }
}
