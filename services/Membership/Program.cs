using Nege.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MembershipDbContext>(ResourceNames.MembershipDatabase);
builder.AddMessaging<MembershipDbContext>(ResourceNames.Membership);
builder.Services.AddServiceOpenApi(ResourceNames.Membership, "NEGE — Adhésion");

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapServiceOpenApi(ResourceNames.Membership);
app.MapApplications();

await app.RunWithMigrationsAsync<MembershipDbContext>(args);

public partial class Program;
