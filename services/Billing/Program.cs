using Nege.Billing;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<BillingDbContext>(ResourceNames.Billing, "NEGE — Cotisations");

var app = builder.Build();
app.MapNegeService<BillingDbContext>(ResourceNames.Billing);

await app.RunWithMigrationsAsync<BillingDbContext>(args);

public partial class Program;
