using Nege.Directory;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Directory.Tests;

/// <summary>The Directory service on a fresh database of its own, with real PostgreSQL and RabbitMQ.</summary>
public sealed class DirectoryService() : ServiceUnderTest<Program, DirectoryDbContext>(ResourceNames.Directory);

[CollectionDefinition(Name)]
public sealed class DirectoryCollection : ICollectionFixture<DirectoryService>
{
    public const string Name = "directory";
}

[Collection(DirectoryCollection.Name)]
public sealed class DirectoryConventions(DirectoryService service) : ServiceConventionTests<Program, DirectoryDbContext>(service, "NEGE — Annuaire");
