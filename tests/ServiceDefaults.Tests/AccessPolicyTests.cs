using System.Security.Claims;
using Nege.ServiceDefaults.Security;

namespace ServiceDefaults.Tests;

/// <summary>Who each kind of policy lets in, from the claims of the caller's token.</summary>
public sealed class AccessPolicyTests
{
    private static ClaimsPrincipal Caller(string callerType, string[] roles, string? scope = null)
    {
        List<Claim> claims = [new(NegeClaims.Subject, "x"), new(NegeClaims.CallerType, callerType), .. roles.Select(r => new Claim(NegeClaims.Role, r))];
        if (scope is not null)
        {
            claims.Add(new Claim(NegeClaims.Scope, scope));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", NegeClaims.Name, NegeClaims.Role));
    }

    [Fact]
    public void An_admin_person_passes_an_admin_policy_and_other_roles_do_not()
    {
        Assert.True(AccessPolicies.ManageAccounts.Allows(Caller(NegeClaims.Person, [NegeRoles.Admin])));
        Assert.True(AccessPolicies.ManageAccounts.Allows(Caller(NegeClaims.Person, [NegeRoles.Recruiter, NegeRoles.Admin])));
        foreach (var role in NegeRoles.All.Where(r => r != NegeRoles.Admin))
        {
            Assert.False(AccessPolicies.ManageAccounts.Allows(Caller(NegeClaims.Person, [role])), role);
        }
    }

    [Fact]
    public void A_partner_system_never_passes_a_persons_policy_even_with_the_role()
    {
        Assert.False(AccessPolicies.ManageAccounts.Allows(Caller(NegeClaims.PartnerClient, [NegeRoles.Admin])));
        Assert.False(AccessPolicies.OwnAccount.Allows(Caller(NegeClaims.PartnerClient, [NegeRoles.EmploymentPartner])));
    }

    [Theory]
    [InlineData("candidates.read", true)]
    [InlineData("candidates.write candidates.read", true)]
    [InlineData("candidates.write", false)]
    [InlineData(null, false)]
    public void A_partner_policy_needs_its_scope_in_a_space_separated_claim(string? scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicies.PartnerCandidatesRead.Allows(Caller(NegeClaims.PartnerClient, [NegeRoles.EmploymentPartner], scope)));

    [Fact]
    public void A_person_with_the_partner_role_is_not_a_partner_system() =>
        Assert.False(AccessPolicies.PartnerCandidatesRead.Allows(Caller(NegeClaims.Person, [NegeRoles.EmploymentPartner], NegeScopes.CandidatesRead)));

    [Fact]
    public void Any_person_may_read_their_own_account_but_an_anonymous_caller_may_not()
    {
        Assert.True(AccessPolicies.OwnAccount.Allows(Caller(NegeClaims.Person, [])));
        Assert.False(AccessPolicies.OwnAccount.Allows(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void Policy_names_are_unique() =>
        Assert.Equal(AccessPolicies.All.Count, AccessPolicies.All.Select(p => p.Name).Distinct().Count());
}
