using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Audit;
using Nege.Candidates.Commission;
using Nege.Candidates.Consents;
using Nege.Candidates.Documents;
using Nege.Candidates.Dossiers;
using Nege.Candidates.Idempotency;
using Nege.Candidates.Retention;
using Nege.Candidates.TalentPool;
using Nege.Candidates.Webhooks;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Files;

namespace Nege.Candidates;

public sealed class CandidatesDbContext(DbContextOptions<CandidatesDbContext> options) : DbContext(options)
{
    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierPartner> DossierPartners => Set<DossierPartner>();

    public DbSet<DossierTransition> DossierTransitions => Set<DossierTransition>();

    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();

    /// <summary>The documents' bytes: read only to download one.</summary>
    public DbSet<DossierDocumentContent> DossierDocumentContents => Set<DossierDocumentContent>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<TerritoryMember> TerritoryMembers => Set<TerritoryMember>();

    public DbSet<DossierAnalysis> DossierAnalyses => Set<DossierAnalysis>();

    public DbSet<DossierRecommendation> DossierRecommendations => Set<DossierRecommendation>();

    public DbSet<InactivityReminder> InactivityReminders => Set<InactivityReminder>();

    public DbSet<PartnerWebhook> PartnerWebhooks => Set<PartnerWebhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<TalentCard> TalentCards => Set<TalentCard>();

    public DbSet<Interest> Interests => Set<Interest>();

    public DbSet<Nege.Candidates.CandidateSpace.CandidateAttachment> CandidateAttachments => Set<Nege.Candidates.CandidateSpace.CandidateAttachment>();

    /// <summary>Anonymised counts of erased dossiers.</summary>
    public DbSet<DossierStatistic> DossierStatistics => Set<DossierStatistic>();

    public DbSet<FollowUpSheet> FollowUpSheets => Set<FollowUpSheet>();

    public DbSet<MemberOrganisation> MemberOrganisations => Set<MemberOrganisation>();

    /// <summary>Append-only while the dossier exists: every consent given or withdrawn.</summary>
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<Nege.Candidates.CandidateSpace.CandidateCommitment> CandidateCommitments => Set<Nege.Candidates.CandidateSpace.CandidateCommitment>();

    public DbSet<Nege.Candidates.CandidateSpace.RightsRequest> RightsRequests => Set<Nege.Candidates.CandidateSpace.RightsRequest>();

    /// <summary>Append-only: who read which candidate's personal data, when.</summary>
    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    /// <summary>
    /// Holds, until the caller's transaction ends, the person keys of a dossier being taken in: two
    /// partners sending the same person at the same moment are served one after the other, so the
    /// second finds the first's dossier. Keys are taken in one order, so two intakes never wait on each other in a cycle.
    /// </summary>
    public async Task LockPersonAsync(IEnumerable<string> personKeys, CancellationToken cancellationToken)
    {
        // One round trip: unnest yields the keys in the array's order, and each is locked in turn.
        var lockKeys = personKeys.Select(key => AdvisoryLock.KeyOf($"candidates.person:{key}")).Order().ToArray();
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(k) FROM unnest({lockKeys}) AS k", cancellationToken);
    }

    /// <summary>Locks the dossier's row until the caller's transaction ends, then reads it again (with its partners).</summary>
    public async Task LockAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        await Database.ExecuteSqlAsync($"SELECT 1 FROM dossiers WHERE id = {dossier.Id} FOR UPDATE", cancellationToken);
        await Entry(dossier).ReloadAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.HasSequence<long>(DossierConfiguration.NumberSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CandidatesDbContext).Assembly);
    }
}

public sealed class CandidatesDbContextFactory : DesignTimeDbContextFactory<CandidatesDbContext>;
