using Microsoft.EntityFrameworkCore;
using Nege.Billing.Calls;
using Nege.Billing.Grids;
using Nege.Billing.Members;
using Nege.Billing.Renewals;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Billing;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public DbSet<FeeGrid> FeeGrids => Set<FeeGrid>();

    public DbSet<BillingMember> Members => Set<BillingMember>();

    public DbSet<FeeCall> FeeCalls => Set<FeeCall>();

    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<Renewal> Renewals => Set<Renewal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
    }
}

public sealed class BillingDbContextFactory : DesignTimeDbContextFactory<BillingDbContext>;
