using Nege.Billing;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<BillingDbContext>(ResourceNames.BillingDatabase);
builder.AddMessaging<BillingDbContext>(ResourceNames.Billing);
builder.Services.AddServiceOpenApi(ResourceNames.Billing, "NEGE — Cotisations");

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapServiceOpenApi(ResourceNames.Billing);

await app.RunWithMigrationsAsync<BillingDbContext>(args);

public partial class Program;
