using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Nege.Contracts.Accounts;
using Nege.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Applications;
using Nege.Membership.OpenIdServer;
using Nege.Membership.Organisations;
using Nege.Membership.PartnerClients;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<MembershipDbContext>(ResourceNames.Membership, "NEGE — Adhésion", consumers =>
{
    consumers.AddConsumer<CandidateAttachedConsumer>();
    consumers.AddConsumer<CandidateErasedConsumer>();
    consumers.AddConsumer<MembershipLapsedConsumer>();
    consumers.AddConsumer<MembershipReinstatedConsumer>();
    consumers.AddConsumer<PerimeterDeclaredConsumer>();
    consumers.AddConsumer<NewsDigestUnsubscribedConsumer>();
});
// Membership starts with Notifications, so on a new broker the first administrator's invitation, published as
// Membership starts, may find no queue bound yet: mandatory, it stays in the outbox until Notifications listens.
builder.Services.Configure<OutboxRelayOptions>(relay => relay.MustBeRouted.Add(typeof(AccountInvited)));
builder.AddOpenIdServer();
builder.Services.AddRazorPages();
// French text stays readable in pages (é, not &#xE9;); HTML is still encoded.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddScoped<IPasswordHasher<Account>, PasswordHasher<Account>>();
builder.Services.AddScoped<AccountService>();
builder.Services.AddScoped<FirstAdministrator>();
builder.Services.Configure<ApplicationOptions>(builder.Configuration.GetSection("Membership:Applications"));
builder.Services.AddSingleton<ApplicationRetention>();
builder.Services.AddHostedService(services => services.GetRequiredService<ApplicationRetention>());

var app = builder.Build();
app.MapNegeService<MembershipDbContext>(ResourceNames.Membership);
app.MapOpenIdEndpoints();
app.MapRazorPages().AllowEveryone();
app.MapApplicationDrafts();
app.MapApplications();
app.MapAccounts();
app.MapPublicAccountFlows();
app.MapOrganisations();
app.MapOrganisationCards();
app.MapColleagues();
app.MapNotificationPreferences();
app.MapPartnerClients();

await app.RunWithMigrationsAsync<MembershipDbContext>(args);

public partial class Program;
