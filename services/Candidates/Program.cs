using Nege.Candidates;
using Nege.Candidates.Audit;
using Nege.Candidates.CandidateSpace;
using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Candidates.PartnerApi;
using Nege.Candidates.Retention;
using Nege.Candidates.TalentPool;
using Nege.Candidates.Webhooks;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<CandidatesDbContext>(ResourceNames.Candidates, "NEGE — Candidats", consumers =>
{
    consumers.AddConsumer<MembershipApprovedConsumer>();
    consumers.AddConsumer<OrganisationRegisteredConsumer>();
    consumers.AddConsumer<MembershipLapsedConsumer>();
    consumers.AddConsumer<MembershipReinstatedConsumer>();
});
builder.AddDossiers();
builder.AddTalentPool();
builder.AddCandidateSpace();
builder.AddRetention();
AuditRetention.AddTo(builder);
builder.AddWebhooks();

var app = builder.Build();
app.MapNegeService<CandidatesDbContext>(ResourceNames.Candidates);
app.MapPartnerApi();
app.MapPartnerDossiers();
app.MapWebhooks();
app.MapCommission();
app.MapTerritories();
app.MapPersonalDataAudit();
app.MapPartnerDocuments();
app.MapTalentPool();
app.MapInterests();
app.MapFollowUps();
app.MapCandidateSpace();
app.MapCandidateUpdates();
app.MapPilotAttachment();
app.MapRightsRequests();
app.MapDossierStatistics();

await app.RunWithMigrationsAsync<CandidatesDbContext>(args);

public partial class Program;
