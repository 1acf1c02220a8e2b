using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Nege.ServiceDefaults.Http;

/// <summary>404 and 409 answers with a French explanation, as RFC 9457 problem details.</summary>
public static class Problems
{
    public static NotFoundProblem NotFound(string detail) => new(detail);

    public const string ConflictTitle = "Conflit avec l'état actuel.";

    public static ConflictProblem Conflict(string title, string detail) => new(title, detail);

    /// <summary>A 409 under the generic title, for a refusal whose detail says it all.</summary>
    public static ConflictProblem Conflict(string detail) => new(ConflictTitle, detail);

    public static ForbiddenProblem Forbidden(string detail) => new(detail);

    public static UnprocessableProblem Unprocessable(string title, string detail) => new(title, detail);

    /// <summary>A 413 when the declared body is over <paramref name="maxBytes"/>, else null.</summary>
    public static PayloadTooLargeProblem? TooLarge(HttpRequest request, long maxBytes) =>
        request.ContentLength > maxBytes
            ? new($"Le corps de la requête ne doit pas dépasser {maxBytes / 1024} Kio.")
            : null;
}

/// <summary>
/// A problem-details answer written by <see cref="TypedResults.Problem(string?, string?, int?, string?, string?, IDictionary{string, object?}?)"/>
/// (so labelled <c>application/problem+json</c> and completed like every other problem), typed so that
/// an endpoint's <c>Results&lt;…&gt;</c> declares it in OpenAPI.
/// </summary>
public abstract class ProblemAnswer(int status, string title, string detail) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public string Title => title;

    public string Detail => detail;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(httpContext);

    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

public sealed class NotFoundProblem(string detail)
    : ProblemAnswer(StatusCodes.Status404NotFound, "Ressource introuvable.", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

public sealed class ConflictProblem(string title, string detail)
    : ProblemAnswer(StatusCodes.Status409Conflict, title, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status409Conflict);
}

/// <summary>403: the caller is who it says, and may call the endpoint, but not do this to this resource.</summary>
public sealed class ForbiddenProblem(string detail)
    : ProblemAnswer(StatusCodes.Status403Forbidden, "Action non autorisée.", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status403Forbidden);
}

/// <summary>422: the request is well formed but cannot be processed as it stands (an idempotency key reused for another request…).</summary>
public sealed class UnprocessableProblem(string title, string detail)
    : ProblemAnswer(StatusCodes.Status422UnprocessableEntity, title, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status422UnprocessableEntity);
}

/// <summary>413: the body is larger than the endpoint accepts.</summary>
public sealed class PayloadTooLargeProblem(string detail)
    : ProblemAnswer(StatusCodes.Status413PayloadTooLarge, "Requête trop volumineuse.", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status413PayloadTooLarge);
}
