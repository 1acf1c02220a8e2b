using Microsoft.AspNetCore.Http.HttpResults;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Membership.Applications;

public sealed record SubmitApplicationRequest(string? OrganisationName, string? ContactEmail, bool? Consent)
{
    public const int OrganisationNameMaxLength = 200;
    public const int EmailMaxLength = 254;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        var name = OrganisationName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("organisationName", "Le nom de l'organisme est obligatoire.");
        }
        else if (name.Length > OrganisationNameMaxLength)
        {
            errors.Add("organisationName", $"Le nom de l'organisme ne doit pas dépasser {OrganisationNameMaxLength} caractères.");
        }

        var email = ContactEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("contactEmail", "L'adresse de courriel est obligatoire.");
        }
        else if (email.Length > EmailMaxLength || !EmailAddress.IsValid(email))
        {
            errors.Add("contactEmail", "L'adresse de courriel n'est pas valide.");
        }

        if (Consent is not true)
        {
            errors.Add("consent", "Vous devez accepter les conditions d'utilisation de vos données personnelles.");
        }

        return errors;
    }
}

public sealed record SubmitApplicationResponse(Guid Id, string Status, DateTimeOffset SubmittedAt);

public static class SubmitApplication
{
    public static async Task<Results<Created<SubmitApplicationResponse>, ValidationProblem>> HandleAsync(
        HttpRequest request, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<SubmitApplicationRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        if (body.Errors.Merge(input.Validate()) is { IsEmpty: false } invalid)
        {
            return invalid.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var application = new MembershipApplication
        {
            Id = Guid.CreateVersion7(now),
            OrganisationName = input.OrganisationName!.Trim(),
            ContactEmail = input.ContactEmail!.Trim(),
            ConsentGivenAt = now,
            SubmittedAt = now,
            Status = ApplicationStatus.Submitted,
        };
        db.Applications.Add(application);
        db.AddToOutbox(new MembershipApplicationSubmitted(application.Id, application.OrganisationName, application.ContactEmail, now), now);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(
            (string?)null,
            new SubmitApplicationResponse(application.Id, application.Status.ToString(), application.SubmittedAt));
    }
}
