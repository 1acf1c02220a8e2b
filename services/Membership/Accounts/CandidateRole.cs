using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Accounts;

/// <summary>The role « candidate » follows the dossier: given when the person attaches theirs, withdrawn when it is erased.</summary>
public static class CandidateRole
{
    public const string GrantedBy = "Espace candidat (dossier rattaché)";
    public const string WithdrawnBy = "Espace candidat (dossier effacé)";
}

public sealed class CandidateAttachedConsumer(MembershipDbContext db, TimeProvider clock, ILogger<CandidateAttachedConsumer> logger)
    : IdempotentConsumer<CandidateAttached, MembershipDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CandidateAttached> context, CancellationToken cancellationToken)
    {
        var account = await Db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == context.Message.AccountId, cancellationToken);
        if (account?.Grant(NegeRoles.Candidate, null, CandidateRole.GrantedBy, Clock.GetUtcNow()) is { } granted)
        {
            Db.RoleChanges.Add(granted);
        }
    }
}

public sealed class CandidateErasedConsumer(MembershipDbContext db, TimeProvider clock, ILogger<CandidateErasedConsumer> logger)
    : IdempotentConsumer<DossierErased, MembershipDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<DossierErased> context, CancellationToken cancellationToken)
    {
        if (context.Message.AccountId is not { } accountId)
        {
            return;
        }

        var account = await Db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account?.Withdraw(NegeRoles.Candidate, null, CandidateRole.WithdrawnBy, Clock.GetUtcNow()) is { } withdrawn)
        {
            Db.RoleChanges.Add(withdrawn);
        }
    }
}
