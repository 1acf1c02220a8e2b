using Nege.Membership;
using Nege.Testing;

namespace Membership.Tests;

[Collection(MembershipCollection.Name)]
public sealed class MembershipAuthorizationMatrix(MembershipService service) : AuthorizationMatrixTests<Program, MembershipDbContext>(service);
