using Nege.Billing;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>The Billing service on a fresh database of its own, with real PostgreSQL and RabbitMQ.</summary>
public sealed class BillingService() : ServiceUnderTest<Program, BillingDbContext>(ResourceNames.Billing);

[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingService>
{
    public const string Name = "billing";
}

[Collection(BillingCollection.Name)]
public sealed class BillingConventions(BillingService service) : ServiceConventionTests<Program, BillingDbContext>(service, "NEGE — Cotisations");
