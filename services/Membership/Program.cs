using Nege.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<MembershipDbContext>(ResourceNames.Membership, "NEGE — Adhésion");

var app = builder.Build();
app.MapNegeService<MembershipDbContext>(ResourceNames.Membership);
app.MapApplications();

await app.RunWithMigrationsAsync<MembershipDbContext>(args);

public partial class Program;
