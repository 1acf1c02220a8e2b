using Nege.Candidates;
using Nege.Candidates.Dossiers;
using Nege.Candidates.PartnerApi;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<CandidatesDbContext>(ResourceNames.Candidates, "NEGE — Candidats");
builder.AddDossiers();

var app = builder.Build();
app.MapNegeService<CandidatesDbContext>(ResourceNames.Candidates);
app.MapPartnerApi();
app.MapPartnerDossiers();
app.MapPartnerDocuments();

await app.RunWithMigrationsAsync<CandidatesDbContext>(args);

public partial class Program;
