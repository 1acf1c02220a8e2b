using Nege.Directory;
using Nege.Directory.Contact;
using Nege.Directory.Logos;
using Nege.Directory.News;
using Nege.Directory.Organisations;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<DirectoryDbContext>(ResourceNames.Directory, "NEGE — Annuaire", consumers =>
{
    consumers.AddConsumer<MembershipApprovedConsumer>();
    consumers.AddConsumer<OrganisationRegisteredConsumer>();
    consumers.AddConsumer<OrganisationCardChangedConsumer>();
    consumers.AddConsumer<MembershipLapsedConsumer>();
    consumers.AddConsumer<MembershipReinstatedConsumer>();
});
builder.Services.AddSingleton<DirectorySearchCache>();
builder.AddContact();
builder.AddDirectoryLogos();
builder.AddNews();

var app = builder.Build();
app.MapNegeService<DirectoryDbContext>(ResourceNames.Directory);
app.MapDirectory();
app.MapContact();
app.MapDirectoryLogos();
app.MapNews();

await app.RunWithMigrationsAsync<DirectoryDbContext>(args);

public partial class Program;
