using System.Security.Claims;
using Nege.ServiceDefaults.Security;

namespace ServiceDefaults.Tests;

/// <summary>How every service reads who is calling from the token's claims.</summary>
public sealed class CallerClaimsTests
{
    private static ClaimsPrincipal Caller(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test", NegeClaims.Name, NegeClaims.Role));

    [Fact]
    public void A_person_is_their_account_id_and_their_name()
    {
        var id = Guid.NewGuid();
        var person = Caller((NegeClaims.Subject, id.ToString()), (NegeClaims.Name, "Marie Curie"), (NegeClaims.CallerType, NegeClaims.Person));

        Assert.Equal(id, person.CallerId());
        Assert.Equal("Marie Curie", person.CallerName());
        Assert.True(person.IsPerson());
        Assert.False(person.IsPartnerClient());
    }

    [Fact]
    public void A_subject_that_is_no_account_id_gives_no_caller_id_and_names_the_caller_without_a_name()
    {
        var client = Caller((NegeClaims.Subject, "partenaire-1"), (NegeClaims.CallerType, NegeClaims.PartnerClient));

        Assert.Null(client.CallerId());
        Assert.Equal("partenaire-1", client.CallerName());
        Assert.Equal("inconnu", Caller().CallerName());
    }

    [Fact]
    public void The_client_is_client_id_else_the_subject()
    {
        Assert.Equal("nege-site", Caller((NegeClaims.Subject, Guid.NewGuid().ToString()), (NegeClaims.ClientId, "nege-site")).CallerClientId());
        Assert.Equal("partenaire-1", Caller((NegeClaims.Subject, "partenaire-1")).CallerClientId());
        Assert.Null(Caller().CallerClientId());
    }

    [Fact]
    public void The_organisation_of_a_partner_client_is_read_when_it_is_an_id()
    {
        var organisation = Guid.NewGuid();

        Assert.Equal(organisation, Caller((NegeClaims.OrganisationId, organisation.ToString())).CallerOrganisationId());
        Assert.Null(Caller((NegeClaims.OrganisationId, "x")).CallerOrganisationId());
    }
}
