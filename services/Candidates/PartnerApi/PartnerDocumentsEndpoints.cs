using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Nege.Candidates.Audit;
using Nege.Candidates.Documents;
using Nege.Candidates.Dossiers;
using Nege.Candidates.Idempotency;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;
using Nege.ServiceDefaults.Files;

namespace Nege.Candidates.PartnerApi;

/// <summary>
/// Partner API v1: the documents of a dossier (CV, letters, certificates, diplomas). Only the
/// organisation that submitted the dossier sends, reads and removes them; one that follows it gets a
/// 403, any other a 404. A file is checked by its bytes, not by its name or declared type.
/// </summary>
public static class PartnerDocumentsEndpoints
{
    public const string Route = PartnerDossiersEndpoints.Route + "/{id:guid}/documents";

    public const string AdviserRoute = PartnerDossiersEndpoints.AdviserRoute + "/{id:guid}/documents";

    /// <summary>One document and the form around it (its part headers, the kind).</summary>
    public const long UploadBodyMaxBytes = DocumentRules.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapPartnerDocuments(this IEndpointRouteBuilder routes)
    {
        MapDocuments(
            routes.MapGroup(Route).WithTags("API des partenaires emploi — documents des dossiers"),
            AccessPolicies.PartnerCandidatesRead, AccessPolicies.PartnerCandidatesWrite);
        MapDocuments(
            routes.MapGroup(AdviserRoute).WithTags("Conseillers des partenaires emploi (extranet) — documents des dossiers")
                .AddEndpointFilter(PartnerAccess.RequireOrganisation),
            AccessPolicies.PartnerAdvisers, AccessPolicies.PartnerAdvisers);
        return routes;
    }

    private static void MapDocuments(RouteGroupBuilder documents, AccessPolicy read, AccessPolicy write)
    {
        documents.MapPost("/", UploadAsync)
            .WithSummary("Joindre un document au dossier (organisme qui l'a déposé ; multipart/form-data : file, kind ; fichier refusé : 400 sur « file » ; trop lourd : 413 ; en-tête Idempotency-Key conseillé)")
            .WithDescription(
                "Formats acceptés, reconnus par leur contenu : PDF, DOCX, ODT, PNG, JPEG ; l'extension du nom doit correspondre au contenu. "
                + "Un fichier refusé (type non accepté, programme, archive, fichier vide, nom qui contredit le contenu) reçoit une erreur 400 "
                + "avec un message sur le champ « file » ; un type de document hors liste, sur le champ « kind ». "
                + $"413 au-delà de {FileSize.French(DocumentRules.MaxBytes)} par document ou de {FileSize.French(DocumentRules.MaxDossierBytes)} pour tous les documents du dossier ; "
                + "409 pour un dossier retiré ou clôturé.")
            .WithMetadata(new RequestSizeLimitAttribute(UploadBodyMaxBytes))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer(DescribeForm)
            .RequireAccess(write);
        documents.MapGet("/", ListAsync)
            .WithSummary("Les documents du dossier, sans leur contenu (organisme qui l'a déposé)")
            .RequireAccess(read);
        documents.MapGet("/{documentId:guid}", DownloadAsync)
            .WithSummary("Télécharger un document (organisme qui a déposé le dossier), sous le type reconnu à l'envoi")
            .Produces(StatusCodes.Status200OK, typeof(Stream), DocumentFormat.Pdf.ContentType, [.. DocumentFormat.All.Skip(1).Select(f => f.ContentType)])
            .RequireAccess(read);
        documents.MapDelete("/{documentId:guid}", DeleteAsync)
            .WithSummary("Supprimer un document (organisme qui a déposé le dossier ; possible aussi pour un dossier retiré ou clôturé)")
            .RequireAccess(write);
    }

    /// <summary>Its refusals (403, 404, 409, 413, 422) are declared on the route: one typed result holds at most six kinds.</summary>
    private static async Task<Results<Created<DossierDocumentView>, EarlierAnswer, ValidationProblem, ProblemAnswer>> UploadAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock,
        ILogger<DossierDocument> logger, CancellationToken cancellationToken)
    {
        if (request.ContentLength > UploadBodyMaxBytes)
        {
            return new PayloadTooLargeProblem(
                $"Un document ne doit pas dépasser {FileSize.French(DocumentRules.MaxBytes)} (la requête fait {FileSize.French(request.ContentLength.Value)}).");
        }

        var caller = CallingPartner.Of(user);
        var errors = new ValidationErrors();
        var idempotency = IdempotentPost.Of(request, caller.Requester, errors);
        var read = await DocumentUploadForm.ReadAsync(request, cancellationToken);
        if (read.TooLargeProblem is { } tooLarge)
        {
            return tooLarge;
        }

        if (read.Form is not { } form)
        {
            return errors.Merge(read.Errors).ToProblem();
        }

        var (upload, uploadErrors) = DocumentRules.Validate(form.Kind, form.FileName, form.Content);
        errors.Merge(read.Errors).Merge(uploadErrors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (idempotency is not null
            && await idempotency.ClaimAsync(db, IdempotentRequests.HashOf(request, form.Kind, form.FileName, upload!.Sha256), now, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var dossier = await db.Dossiers.FindForPartnerAsync(id, caller.OrganisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        // Two uploads at once are counted one after the other against the dossier's limits.
        await db.LockAsync(dossier, cancellationToken);
        if (!IsSubmitter(dossier, caller.OrganisationId))
        {
            return FollowerProblem("y joindre des documents");
        }

        if (!DossierLifeCycle.IsOpen(dossier.Status))
        {
            return Problems.Conflict($"Ce dossier est « {DossierLifeCycle.Label(dossier.Status)} » : on ne peut plus y joindre de documents.");
        }

        var stored = await db.DossierDocuments.Where(d => d.DossierId == id)
            .GroupBy(d => d.DossierId)
            .Select(g => new { Count = g.Count(), Size = g.Sum(d => d.Size) })
            .SingleOrDefaultAsync(cancellationToken);
        if (DocumentRules.TooMany(stored?.Count ?? 0) is { } tooMany)
        {
            return Problems.Conflict(tooMany);
        }

        if (DocumentRules.OverDossierLimit(stored?.Size ?? 0, upload!.Content.LongLength) is { } overLimit)
        {
            return new PayloadTooLargeProblem(overLimit);
        }

        var (document, content) = DossierDocument.Store(dossier, upload, caller.OrganisationId, caller.ClientId, caller.Actor, now);
        db.AddRange(document, content);
        await db.SaveChangesAsync(cancellationToken);
        var view = DocumentViews.Of(document);
        var location = $"{caller.DossiersRoute}/{id}/documents/{document.Id}";
        if (idempotency is not null)
        {
            await idempotency.CompleteAsync(db, StatusCodes.Status201Created, location, view, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Document {DocumentId} ({ContentType}, {Size} bytes) added to dossier {DossierId} by {Requester}",
            document.Id, document.ContentType, document.Size, id, caller.Requester);
        return TypedResults.Created(location, view);
    }

    private static async Task<Results<Ok<DossierDocumentsView>, NotFoundProblem, ForbiddenProblem>> ListAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = CallingPartner.Of(user).OrganisationId;
        var dossier = await db.Dossiers.AsNoTracking().FindForPartnerAsync(id, organisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        if (!IsSubmitter(dossier, organisationId))
        {
            return FollowerProblem("voir ses documents");
        }

        return TypedResults.Ok(DocumentViews.ListOf(await DocumentViews.OfDossierAsync(db, id, cancellationToken)));
    }

    /// <summary>An adviser downloading a document is a person reading a candidate's personal data: audited.</summary>
    private static async Task<Results<FileContentHttpResult, NotFoundProblem, ForbiddenProblem>> DownloadAsync(
        Guid id, Guid documentId, HttpResponse response, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisationId = CallingPartner.Of(user).OrganisationId;
        var dossier = await db.Dossiers.AsNoTracking().FindForPartnerAsync(id, organisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        if (!IsSubmitter(dossier, organisationId))
        {
            return FollowerProblem("voir ses documents");
        }

        return await DocumentDownloads.ServeAsync(db, id, documentId, user, response, clock.GetUtcNowForDatabase(), cancellationToken) is { } file
            ? file
            : Problems.NotFound(DocumentDownloads.DocumentNotFound);
    }

    private static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem>> DeleteAsync(
        Guid id, Guid documentId, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, ILogger<DossierDocument> logger,
        CancellationToken cancellationToken)
    {
        var caller = CallingPartner.Of(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await db.Dossiers.FindForPartnerAsync(id, caller.OrganisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        await db.LockAsync(dossier, cancellationToken);
        if (!IsSubmitter(dossier, caller.OrganisationId))
        {
            return FollowerProblem("en supprimer les documents");
        }

        var document = await db.DossierDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.DossierId == id, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound(DocumentDownloads.DocumentNotFound);
        }

        // Its bytes go with it (the database cascades to dossier_document_contents).
        db.DossierDocuments.Remove(document);
        dossier.DocumentsChanged(clock.GetUtcNowForDatabase());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Document {DocumentId} removed from dossier {DossierId} by {Requester}", documentId, id, caller.Requester);
        return TypedResults.NoContent();
    }

    private static bool IsSubmitter(Dossier dossier, Guid organisationId) =>
        dossier.PartnerOf(organisationId)?.Relation == PartnerRelation.Submitter;

    private static ForbiddenProblem FollowerProblem(string action) =>
        Problems.Forbidden($"Votre organisme suit ce dossier sans l'avoir déposé : seul l'organisme qui l'a déposé peut {action}.");

    /// <summary>
    /// The form in OpenAPI. Not through <c>Accepts</c>: its content-type check runs in routing, before
    /// authorisation, and would answer 415 to a caller that should get 401 or 403.
    /// </summary>
    private static Task DescribeForm(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Le fichier et son type.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { DocumentRules.FileField, DocumentRules.KindField },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [DocumentRules.FileField] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Format = "binary",
                                Description = $"PDF, DOCX, ODT, PNG ou JPEG, {FileSize.French(DocumentRules.MaxBytes)} au plus ; "
                                              + $"le nom finit par l'extension de son contenu ({DocumentFormat.AllExtensions}).",
                            },
                            [DocumentRules.KindField] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Description = "Le type de document.",
                                Enum = [.. CandidateForm.DocumentKinds.Select(kind => (JsonNode)JsonValue.Create(kind))],
                            },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
