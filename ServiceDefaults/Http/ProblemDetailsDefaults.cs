using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Nege.ServiceDefaults.Http;

public static class ProblemDetailsDefaults
{
    /// <summary>RFC 9457 problem details for every error, titled in French, carrying the trace id.</summary>
    public static IServiceCollection AddFrenchProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is { } status && FrenchTitles.TryGetValue(status, out var title) &&
                (problem.Title is null || problem.Title == DefaultEnglishTitle(status)))
            {
                problem.Title = title;
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });

    private static readonly Dictionary<int, string> FrenchTitles = new()
    {
        [StatusCodes.Status400BadRequest] = "La requête est invalide.",
        [StatusCodes.Status401Unauthorized] = "Authentification requise.",
        [StatusCodes.Status403Forbidden] = "Accès refusé.",
        [StatusCodes.Status404NotFound] = "Ressource introuvable.",
        [StatusCodes.Status405MethodNotAllowed] = "Méthode non autorisée.",
        [StatusCodes.Status409Conflict] = "Conflit avec l'état actuel.",
        [StatusCodes.Status413PayloadTooLarge] = "Le corps de la requête est trop volumineux.",
        [StatusCodes.Status415UnsupportedMediaType] = "Type de contenu non pris en charge.",
        [StatusCodes.Status429TooManyRequests] = "Trop de requêtes : veuillez réessayer plus tard.",
        [StatusCodes.Status500InternalServerError] = "Une erreur inattendue s'est produite.",
        [StatusCodes.Status502BadGateway] = "Le service demandé ne répond pas.",
        [StatusCodes.Status503ServiceUnavailable] = "Service momentanément indisponible.",
    };

    private static string? DefaultEnglishTitle(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "An error occurred while processing your request.",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => null,
    };
}
