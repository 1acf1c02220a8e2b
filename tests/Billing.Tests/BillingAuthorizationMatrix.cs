using Nege.Billing;
using Nege.Testing;

namespace Billing.Tests;

[Collection(BillingCollection.Name)]
public sealed class BillingAuthorizationMatrix(BillingService service) : AuthorizationMatrixTests<Program, BillingDbContext>(service);
