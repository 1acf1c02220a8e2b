using System.Net;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Directory.Organisations;

/// <summary>The board admitted an organisation: it enters the directory, with its card as the application gave it.</summary>
public sealed class MembershipApprovedConsumer(DirectoryDbContext db, TimeProvider clock, ILogger<MembershipApprovedConsumer> logger)
    : IdempotentConsumer<MembershipApproved, DirectoryDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MembershipApproved> context, CancellationToken cancellationToken)
    {
        var approved = context.Message;
        var organisation = await DirectoryCards.FindOrAddAsync(Db, approved.OrganisationId, cancellationToken);
        organisation.MemberSince ??= approved.ApprovedAt;
        organisation.CompanyType = approved.CompanyType;

        // The card published with the approval (OrganisationCardChanged) may have arrived first: it is the fuller one.
        if (organisation.CardChangedAt is null)
        {
            organisation.Name = approved.Name;
            organisation.Category = approved.Category;
            organisation.RegionalHeadOffice = approved.RegionalHeadOffice;
            DirectoryCards.SetActivities(organisation, approved.MainActivities);
            organisation.SiteDepartements = [.. approved.SiteDepartements];
            organisation.InterventionDepartements = [.. approved.InterventionDepartements];
            (organisation.HrContactName, organisation.HrContactEmail) = (approved.HrContact.Name, approved.HrContact.Email);
        }
    }
}

/// <summary>An administrator registered an organisation (a partner, most often): a member from then on, its card to come.</summary>
public sealed class OrganisationRegisteredConsumer(DirectoryDbContext db, TimeProvider clock, ILogger<OrganisationRegisteredConsumer> logger)
    : IdempotentConsumer<OrganisationRegistered, DirectoryDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OrganisationRegistered> context, CancellationToken cancellationToken)
    {
        var registered = context.Message;
        var organisation = await DirectoryCards.FindOrAddAsync(Db, registered.OrganisationId, cancellationToken);
        organisation.MemberSince ??= registered.RegisteredAt;
        if (organisation.CardChangedAt is null)
        {
            organisation.Name = registered.Name;
            organisation.Category = registered.Category;
        }
    }
}

/// <summary>The referent changed the organisation's card: the directory shows the newest one.</summary>
public sealed class OrganisationCardChangedConsumer(DirectoryDbContext db, TimeProvider clock, ILogger<OrganisationCardChangedConsumer> logger)
    : IdempotentConsumer<OrganisationCardChanged, DirectoryDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OrganisationCardChanged> context, CancellationToken cancellationToken)
    {
        var card = context.Message;
        var organisation = await DirectoryCards.FindOrAddAsync(Db, card.OrganisationId, cancellationToken);
        if (organisation.CardChangedAt >= card.ChangedAt)
        {
            return;
        }

        organisation.CardChangedAt = card.ChangedAt;
        organisation.Name = card.Name;
        organisation.Category = card.Category;
        organisation.RegionalHeadOffice = card.RegionalHeadOffice;
        organisation.PresentationHtml = card.PresentationHtml;
        organisation.PresentationText = DirectoryCards.PlainText(card.PresentationHtml);
        organisation.Website = card.Website?.AbsoluteUri;
        DirectoryCards.SetActivities(organisation, card.MainActivities);
        organisation.SiteDepartements = [.. card.SiteDepartements];
        organisation.InterventionDepartements = [.. card.InterventionDepartements];
        (organisation.HrContactName, organisation.HrContactEmail) = (card.HrContact.Name, card.HrContact.Email);
        organisation.LogoVersion = card.LogoVersion;
    }
}

/// <summary>Billing lapsed the membership for an unpaid fee: the organisation leaves the directory at once.</summary>
public sealed class MembershipLapsedConsumer(DirectoryDbContext db, TimeProvider clock, ILogger<MembershipLapsedConsumer> logger)
    : IdempotentConsumer<MembershipLapsed, DirectoryDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MembershipLapsed> context, CancellationToken cancellationToken)
    {
        var organisation = await DirectoryCards.FindOrAddAsync(Db, context.Message.OrganisationId, cancellationToken);
        organisation.LapsedAt ??= context.Message.LapsedAt;
    }
}

/// <summary>The lapsed member paid: it is back in the directory.</summary>
public sealed class MembershipReinstatedConsumer(DirectoryDbContext db, TimeProvider clock, ILogger<MembershipReinstatedConsumer> logger)
    : IdempotentConsumer<MembershipReinstated, DirectoryDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MembershipReinstated> context, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Id == context.Message.OrganisationId, cancellationToken);
        if (organisation?.LapsedAt is { } lapsedAt && lapsedAt <= context.Message.ReinstatedAt)
        {
            organisation.LapsedAt = null;
        }
    }
}

public static partial class DirectoryCards
{
    /// <summary>
    /// The organisation's row, locked for the consumer's transaction; created (empty, hidden) when an event comes before
    /// the one that admits it: events from two services arrive in any order, often at once. The insert that does nothing
    /// on a conflict waits for a concurrent one to commit, so two consumers of the same organisation take turns rather
    /// than one failing on the key and being retried.
    /// </summary>
    public static async Task<DirectoryOrganisation> FindOrAddAsync(DirectoryDbContext db, Guid id, CancellationToken cancellationToken)
    {
        string[] none = [];
        await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO organisations (id, name, category, presentation_text, activities_text, main_activities, site_departements, intervention_departements)
             VALUES ({id}, '', '', '', '', {none}, {none}, {none})
             ON CONFLICT (id) DO NOTHING
             """,
            cancellationToken);
        return await db.Organisations.FromSql($"SELECT * FROM organisations WHERE id = {id} FOR UPDATE").SingleAsync(cancellationToken);
    }

    public static void SetActivities(DirectoryOrganisation organisation, IReadOnlyList<string> activities)
    {
        organisation.MainActivities = [.. activities];
        organisation.ActivitiesText = string.Join(" ; ", activities);
    }

    public static string PlainText(string? html) => html is null
        ? ""
        : WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
