using Nege.Membership;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Membership.Tests;

/// <summary>The Membership service on a fresh database of its own, with real PostgreSQL and RabbitMQ.</summary>
public sealed class MembershipService() : ServiceUnderTest<Program, MembershipDbContext>(ResourceNames.Membership)
{
    public const string SiteClientSecret = "secret-du-site-pour-les-tests";

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() =>
    [
        new("Identity:SiteClient:Secret", SiteClientSecret),
        new("Identity:FirstAdministrator:Email", FirstAdministratorEmail),
    ];

    public const string FirstAdministratorEmail = "premier-admin@nege.test";
}

[CollectionDefinition(Name)]
public sealed class MembershipCollection : ICollectionFixture<MembershipService>
{
    public const string Name = "membership";
}

[Collection(MembershipCollection.Name)]
public sealed class MembershipConventions(MembershipService service)
    : ServiceConventionTests<Program, MembershipDbContext>(service, "NEGE — Adhésion");
