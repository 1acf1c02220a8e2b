using Nege.Candidates;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Candidates.Tests;

/// <summary>The Candidates service on a fresh database of its own, with real PostgreSQL and RabbitMQ.</summary>
public sealed class CandidatesService() : ServiceUnderTest<Program, CandidatesDbContext>(ResourceNames.Candidates);

[CollectionDefinition(Name)]
public sealed class CandidatesCollection : ICollectionFixture<CandidatesService>
{
    public const string Name = "candidates";
}

[Collection(CandidatesCollection.Name)]
public sealed class CandidatesConventions(CandidatesService service) : ServiceConventionTests<Program, CandidatesDbContext>(service, "NEGE — Candidats");
