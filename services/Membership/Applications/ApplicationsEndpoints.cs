using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Applications;

public static class ApplicationsEndpoints
{
    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/api/membership/applications").WithTags("Demandes d'adhésion");

        applications.MapPost("/", SubmitApplication.HandleAsync)
            .WithName("SubmitMembershipApplication")
            .WithSummary("Déposer une demande d'adhésion")
            .Accepts<SubmitApplicationRequest>("application/json")
            .AllowAnonymous()
            .WithMetadata(PublicEndpoint.Instance);

        return routes;
    }
}
