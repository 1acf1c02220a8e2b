using Nege.Directory;
using Nege.Testing;

namespace Directory.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class DirectoryAuthorizationMatrix(DirectoryService service) : AuthorizationMatrixTests<Program, DirectoryDbContext>(service);
