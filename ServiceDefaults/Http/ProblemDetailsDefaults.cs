using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nege.ServiceDefaults.Http;

public static class ProblemDetailsDefaults
{
    /// <summary>RFC 9457 problem details for every error, titled in French, carrying the trace id.</summary>
    public static IServiceCollection AddFrenchProblemDetails(this IServiceCollection services)
    {
        // A value that cannot be bound throws, so that the problem can say which parameter and why (see BindingFailures).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(options =>
        {
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException;
        });
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (context.Exception is BadHttpRequestException bad && BindingFailures.Describe(bad) is { } failure)
            {
                problem.Status = bad.StatusCode;
                problem.Detail = "Un paramètre de la requête n'a pas une valeur valable.";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [failure.Field] = [failure.Message] };
            }

            if (problem.Status is { } status && FrenchTitles.TryGetValue(status, out var title) && IsDefaultTitle(problem.Title, status))
            {
                problem.Title = title;
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
    }

    private static readonly Dictionary<int, string> FrenchTitles = new()
    {
        [StatusCodes.Status400BadRequest] = "La requête est invalide.",
        [StatusCodes.Status401Unauthorized] = "Authentification requise.",
        [StatusCodes.Status403Forbidden] = "Accès refusé.",
        [StatusCodes.Status404NotFound] = "Ressource introuvable.",
        [StatusCodes.Status405MethodNotAllowed] = "Méthode non autorisée.",
        [StatusCodes.Status409Conflict] = Problems.ConflictTitle,
        [StatusCodes.Status413PayloadTooLarge] = "Le corps de la requête est trop volumineux.",
        [StatusCodes.Status415UnsupportedMediaType] = "Type de contenu non pris en charge.",
        [StatusCodes.Status429TooManyRequests] = "Trop de requêtes : veuillez réessayer plus tard.",
        [StatusCodes.Status500InternalServerError] = "Une erreur inattendue s'est produite.",
        [StatusCodes.Status502BadGateway] = "Le service demandé ne répond pas.",
        [StatusCodes.Status503ServiceUnavailable] = "Service momentanément indisponible.",
    };

    /// <summary>A title the framework chose (its reason phrase or its own default), not one an endpoint wrote.</summary>
    private static bool IsDefaultTitle(string? title, int status) =>
        title is null
        || title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
        || (status == StatusCodes.Status500InternalServerError && title == "An error occurred while processing your request.")
        || (status == StatusCodes.Status413PayloadTooLarge && title is "Payload Too Large" or "Content Too Large");
}
