using Nege.Testing;

namespace ServiceDefaults.Tests;

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<TestInfrastructure>
{
    public const string Name = "messaging";
}
