using Nege.Billing;
using Nege.Billing.Calls;
using Nege.Billing.GeneralAssembly;
using Nege.Billing.Grids;
using Nege.Billing.Members;
using Nege.Billing.Renewals;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<BillingDbContext>(ResourceNames.Billing, "NEGE — Cotisations", consumers =>
{
    consumers.AddConsumer<MembershipApprovedConsumer>();
});
builder.AddFeeCalls();

var app = builder.Build();
app.MapNegeService<BillingDbContext>(ResourceNames.Billing);
app.MapFeeGrids();
app.MapQuote();
app.MapFeeCalls();
app.MapMemberCalls();
app.MapPayments();
app.MapGeneralAssembly();
app.MapBillingMembers();
app.MapPerimeter();

await app.RunWithMigrationsAsync<BillingDbContext>(args);

public partial class Program;
