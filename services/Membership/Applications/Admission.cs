using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Organisations;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

using Nege.Contracts.Api.Membership;

namespace Nege.Membership.Applications;

/// <summary>The board's decision on a submitted application: its rules, and the admission of the organisation when accepted.</summary>
public static class Admission
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const int ReasonMaxLength = 2000;

    public static ValidationErrors Validate(ValidationErrors errors, DecisionRequest input, DateOnly submittedOn, DateOnly today)
    {
        if (input.Decision is not (Accepted or Refused))
        {
            errors.Add("decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).");
        }

        if (input.BoardMeetingDate is not { } meeting)
        {
            errors.Add("boardMeetingDate", "La date de la réunion du Conseil d'Administration est obligatoire.");
        }
        else if (meeting > today)
        {
            errors.Add("boardMeetingDate", "La date de la réunion du Conseil d'Administration ne peut pas être dans le futur.");
        }
        else if (meeting < submittedOn)
        {
            errors.Add("boardMeetingDate", "La réunion du Conseil d'Administration ne peut pas précéder le dépôt de la demande.");
        }

        if (input.Decision == Refused && string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Le motif du refus est obligatoire.");
        }

        errors.AddIf(input.Reason?.Trim().Length > ReasonMaxLength, "reason", $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        return errors;
    }

    /// <summary>The organisation becomes a member; its referent gets the role and the card; billing and the directory are told.</summary>
    public static async Task AdmitAsync(
        MembershipDbContext db, MembershipApplication application, Account referent, Guid? byAccountId, string byName, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var draft = application.Organisation;
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Name = draft.Name!,
            Category = draft.Category!,
            CreatedAt = now,
            MemberSince = now,
            ApplicationId = application.Id,
            RegionalHeadOffice = draft.RegionalHeadOffice,
            LogoImageId = draft.LogoImageId,
            Presentation = draft.Presentation,
            Website = draft.Website,
            DigitalSector = draft.DigitalSector,
            CompanyType = draft.CompanyType,
            MainActivities = [.. draft.MainActivities],
            SiteDepartements = [.. draft.SiteDepartements],
            InterventionDepartements = [.. draft.InterventionDepartements],
            AffiliationOrganisationId = draft.AffiliationOrganisationId,
            HrContactAccountId = draft.HrContactAccountId ?? referent.Id,
            PerimeterAlsace = draft.Perimeter?.Alsace ?? 0,
            PerimeterChampagneArdenne = draft.Perimeter?.ChampagneArdenne ?? 0,
            PerimeterLorraine = draft.Perimeter?.Lorraine ?? 0,
            StartupCreationDate = draft.Startup?.CreationDate,
            StartupHeadcount = draft.Startup?.Headcount,
            StartupTurnoverBand = draft.Startup?.TurnoverBand,
            SyntecStartupPack = draft.Startup?.SyntecStartupPack,
            CardChangedAt = now,
        };
        db.Organisations.Add(organisation);
        application.OrganisationId = organisation.Id;
        referent.OrganisationId = organisation.Id;
        if (referent.Grant(NegeRoles.Referent, byAccountId, byName, now) is { } granted)
        {
            db.RoleChanges.Add(granted);
        }

        var referentReference = new PersonReference(referent.Id, referent.DisplayName, referent.Email);
        var hrContact = organisation.HrContactAccountId == referent.Id
            ? referentReference
            : await db.Accounts.Where(a => a.Id == organisation.HrContactAccountId)
                .Select(a => new PersonReference(a.Id, a.FirstName + " " + a.LastName, a.Email)).SingleAsync(cancellationToken);
        var affiliation = organisation.AffiliationOrganisationId is { } affiliationId
            ? await db.Organisations.Where(o => o.Id == affiliationId).Select(o => new OrganisationReference(o.Id, o.Name)).SingleAsync(cancellationToken)
            : null;
        db.AddToOutbox(new MembershipApproved(
            organisation.Id, application.Id, organisation.Name, organisation.Category, organisation.RegionalHeadOffice!,
            organisation.DigitalSector!.Value, organisation.CompanyType, organisation.MainActivities, organisation.SiteDepartements,
            organisation.InterventionDepartements,
            new MembershipPerimeter(organisation.PerimeterAlsace, organisation.PerimeterChampagneArdenne, organisation.PerimeterLorraine),
            affiliation,
            draft.Startup is { CreationDate: { } created, Headcount: { } headcount, TurnoverBand: { } band } startup
                ? new StartupFacts(created, headcount, band, startup.SyntecStartupPack)
                : null,
            referentReference, hrContact, now), now);
        db.AddToOutbox(OrganisationCards.Changed(organisation, hrContact, now), now);
    }
}
