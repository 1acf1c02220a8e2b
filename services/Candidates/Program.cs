using Nege.Candidates;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CandidatesDbContext>(ResourceNames.CandidatesDatabase);
builder.AddMessaging<CandidatesDbContext>(ResourceNames.Candidates);
builder.Services.AddServiceOpenApi(ResourceNames.Candidates, "NEGE — Candidats");

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapServiceOpenApi(ResourceNames.Candidates);

await app.RunWithMigrationsAsync<CandidatesDbContext>(args);

public partial class Program;
