using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.Site;
using Nege.Site.Actualites;
using Nege.Site.Annuaire;
using Nege.Site.Candidats;
using Nege.Site.Cotisations;
using Nege.Site.Data;
using Nege.Site.Identity;
using Nege.Site.Membership;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<SiteDbContext>(ResourceNames.SiteDatabase);
builder.Services.AddDataProtection().SetApplicationName("nege-site").PersistKeysToDbContext<SiteDbContext>();
builder.AddSiteAuthentication();
builder.Services.AddSitePages();
MembershipApi.AddMembershipApi(builder.Services);
CandidatesApi.AddCandidatesApi(builder.Services);
BillingApi.AddBillingApi(builder.Services);
DirectoryApi.AddDirectoryApi(builder.Services);
NewsApi.AddNewsApi(builder.Services);
// French text stays readable in the page source (é, not &#xE9;); HTML is still encoded.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();
app.UseExceptionHandler("/erreur");
app.UseSitePolicies();
app.UseStatusCodePagesWithReExecute("/erreur", "?code={0}");
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

await app.RunWithMigrationsAsync<SiteDbContext>(args);

public partial class Program;
