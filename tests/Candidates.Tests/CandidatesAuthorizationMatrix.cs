using Nege.Candidates;
using Nege.Testing;

namespace Candidates.Tests;

[Collection(CandidatesCollection.Name)]
public sealed class CandidatesAuthorizationMatrix(CandidatesService service) : AuthorizationMatrixTests<Program, CandidatesDbContext>(service);
