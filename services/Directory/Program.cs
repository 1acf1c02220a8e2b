using Nege.Directory;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<DirectoryDbContext>(ResourceNames.DirectoryDatabase);
builder.AddMessaging<DirectoryDbContext>(ResourceNames.Directory);
builder.Services.AddServiceOpenApi(ResourceNames.Directory, "NEGE — Annuaire");

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapServiceOpenApi(ResourceNames.Directory);

await app.RunWithMigrationsAsync<DirectoryDbContext>(args);

public partial class Program;
