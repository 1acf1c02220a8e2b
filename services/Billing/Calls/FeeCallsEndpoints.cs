using System.Globalization;
using System.Security.Claims;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Billing.Grids;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Calls;

/// <summary>The fee calls: the treasurer's list and its export, a call's PDF, its cancellation by a credit note, a new call for a member.</summary>
public static class FeeCallsEndpoints
{
    public const string Route = "/api/billing/calls";

    private const int CsvMaxRows = 50_000;
    private const int ReasonMaxLength = 500;

    public static IEndpointRouteBuilder MapFeeCalls(this IEndpointRouteBuilder routes)
    {
        var calls = routes.MapGroup(Route).WithTags("Appels de cotisation");
        calls.MapGet("/", ListAsync).RequireAccess(AccessPolicies.ReadFeeCalls)
            .WithSummary("Les appels de cotisation (filtres : année, statut, catégorie, territoire, organisme), avec les totaux appelé, payé et reste dû");
        calls.MapGet("/{id:guid}", GetAsync).RequireAccess(AccessPolicies.ReadFeeCalls).WithSummary("Un appel de cotisation et son calcul");
        calls.MapGet("/{id:guid}/pdf", PdfAsync).RequireAccess(AccessPolicies.ReadFeeCalls).WithSummary("Le PDF de l'appel de cotisation, tel qu'émis");
        calls.MapPost("/{id:guid}/cancel", CancelAsync).RequireAccess(AccessPolicies.ManageFeeCalls)
            .WithSummary("Annuler un appel de cotisation par un avoir de son montant (motif obligatoire)");
        routes.MapGet(Route + ".csv", ExportAsync).RequireAccess(AccessPolicies.ReadFeeCalls).WithTags("Appels de cotisation")
            .WithSummary("Les appels de cotisation filtrés, en CSV").Produces(StatusCodes.Status200OK, typeof(string), "text/csv");
        routes.MapGet("/api/billing/credit-notes/{id:guid}/pdf", CreditNotePdfAsync).RequireAccess(AccessPolicies.ReadFeeCalls).WithTags("Appels de cotisation")
            .WithSummary("Le PDF d'un avoir");
        routes.MapPost("/api/billing/members/{organisationId:guid}/calls", IssueAsync).RequireAccess(AccessPolicies.ManageFeeCalls).WithTags("Appels de cotisation")
            .WithSummary("Émettre l'appel de cotisation d'un adhérent pour une année (après l'annulation d'un appel erroné, par exemple)");
        return routes;
    }

    public sealed record Filters(int? Year, string? Status, string? Category, string? Territory, string? Q, int? Page, int? PageSize);

    private static ValidationErrors Validate(Filters filters)
    {
        var errors = Paging.Validate(filters.Page, filters.PageSize);
        errors.AddIf(filters.Status is not null && FeeCall.StatusFromCode(filters.Status) is null, "status",
            "Statut inconnu : issued, partially_paid, paid ou cancelled.");
        errors.AddIf(filters.Territory is not null && !FeeRules.Territories.Contains(filters.Territory), "territory",
            $"Territoire inconnu : {string.Join(", ", FeeRules.Territories)}.");
        return errors;
    }

    private static IQueryable<FeeCall> Filter(BillingDbContext db, Filters filters)
    {
        var calls = db.FeeCalls.AsNoTracking();
        if (filters.Year is { } year)
        {
            calls = calls.Where(c => c.Year == year);
        }

        if (filters.Status is { } code && FeeCall.StatusFromCode(code) is { } status)
        {
            calls = calls.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filters.Category))
        {
            calls = calls.Where(c => c.Category == filters.Category);
        }

        if (filters.Territory is { } territory)
        {
            calls = calls.Where(c => c.Territories.Contains(territory));
        }

        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var pattern = $"%{Paging.EscapeLike(filters.Q.Trim())}%";
            calls = calls.Where(c => EF.Functions.ILike(c.OrganisationName, pattern) || EF.Functions.ILike(c.Number, pattern));
        }

        return calls;
    }

    private static async Task<Results<Ok<FeeCallPage>, ValidationProblem>> ListAsync(
        BillingDbContext db, [AsParameters] Filters filters, CancellationToken cancellationToken)
    {
        var errors = Validate(filters);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (page, size) = Paging.Of(filters.Page, filters.PageSize);
        var query = Filter(db, filters);
        var totals = await query.Where(c => c.Status != FeeCallStatus.Cancelled)
            .GroupBy(_ => 1)
            .Select(g => new { Called = g.Sum(c => c.AmountCents), Paid = g.Sum(c => c.PaidCents) })
            .SingleOrDefaultAsync(cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var calls = await query.OrderByDescending(c => c.Year).ThenByDescending(c => c.Number).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var views = await ViewsAsync(db, calls, cancellationToken);
        var called = totals?.Called ?? 0;
        var paid = totals?.Paid ?? 0;
        return TypedResults.Ok(new FeeCallPage(views, page, size, total, called, paid, called - paid));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        BillingDbContext db, [AsParameters] Filters filters, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = Validate(filters with { Page = null, PageSize = null });
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var calls = await Filter(db, filters).OrderBy(c => c.Year).ThenBy(c => c.Number).Take(CsvMaxRows).ToListAsync(cancellationToken);
        var notes = await CreditNotesOfAsync(db, calls, cancellationToken);
        var csv = new StringBuilder().AppendRow("numéro", "année", "organisme", "catégorie", "territoires", "objet", "statut",
            "montant (€)", "payé (€)", "reste dû (€)", "émis le", "échéance", "avoir");
        foreach (var call in calls)
        {
            csv.AppendRow(call.Number, call.Year.ToString(CultureInfo.InvariantCulture), call.OrganisationName, call.Category, string.Join(", ", call.Territories),
                FeeCall.ReasonLabel(call.Reason), FeeCall.StatusLabel(call.Status), Euros(call.AmountCents), Euros(call.PaidCents), Euros(call.OutstandingCents),
                call.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), call.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                notes.TryGetValue(call.Id, out var note) ? note.Number : "");
        }

        return Csv.File(csv, $"appels-de-cotisation{(filters.Year is { } year ? $"-{year}" : "")}.csv", response);
    }

    /// <summary>Euros with a decimal comma, as a French spreadsheet reads a number.</summary>
    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static async Task<Results<Ok<FeeCallView>, NotFoundProblem>> GetAsync(BillingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.FeeCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } call
            ? TypedResults.Ok((await ViewsAsync(db, [call], cancellationToken))[0])
            : Problems.NotFound(NotFound);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> PdfAsync(BillingDbContext db, Guid id, HttpResponse response, CancellationToken cancellationToken) =>
        await db.FeeCalls.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Number, c.Pdf }).SingleOrDefaultAsync(cancellationToken) is { } call
            ? Pdf(call.Pdf, FeeCall.FileName(call.Number), response)
            : Problems.NotFound(NotFound);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> CreditNotePdfAsync(BillingDbContext db, Guid id, HttpResponse response, CancellationToken cancellationToken) =>
        await db.CreditNotes.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.Number, n.Pdf }).SingleOrDefaultAsync(cancellationToken) is { } note
            ? Pdf(note.Pdf, CreditNote.FileName(note.Number), response)
            : Problems.NotFound("Cet avoir n'existe pas.");

    public static FileContentHttpResult Pdf(byte[] pdf, string fileName, HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf, "application/pdf", fileName);
    }

    private static async Task<Results<Ok<FeeCallView>, ValidationProblem, NotFoundProblem, ConflictProblem>> CancelAsync(
        BillingDbContext db, TimeProvider clock, IOptions<AssociationIdentity> association, ClaimsPrincipal user, Guid id, FeeCallCancellation body,
        CancellationToken cancellationToken)
    {
        var reason = body.Reason?.Trim();
        var errors = new ValidationErrors()
            .AddIf(string.IsNullOrEmpty(reason), "reason", "Le motif de l'annulation est obligatoire : il est écrit sur l'avoir.")
            .AddIf(reason is { Length: > ReasonMaxLength }, "reason", $"Le motif fait au plus {ReasonMaxLength} caractères.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var call = await db.FeeCalls.FromSql($"SELECT * FROM fee_calls WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return Problems.NotFound(NotFound);
        }

        if (call.Status == FeeCallStatus.Cancelled)
        {
            return Problems.Conflict("Appel déjà annulé", $"L'appel de cotisation {call.Number} est déjà annulé par un avoir.");
        }

        if (call.PaidCents > 0)
        {
            return Problems.Conflict("Appel déjà réglé en partie",
                $"L'appel de cotisation {call.Number} a reçu des paiements ({Money.Format(call.PaidCents)}) : un appel payé ne s'annule pas.");
        }

        var now = clock.GetUtcNowForDatabase();
        var issuedOn = ParisTime.DateOf(now);
        var sequence = await DocumentNumbers.NextAsync(db, DocumentNumbers.CreditNotes, issuedOn.Year, cancellationToken);
        var note = new CreditNote
        {
            Id = NewId.NextSequentialGuid(),
            Number = DocumentNumbers.CreditNoteNumber(issuedOn.Year, sequence),
            Year = issuedOn.Year,
            FeeCallId = call.Id,
            AmountCents = call.AmountCents,
            Reason = reason!,
            IssuedBy = user.CallerName(),
            IssuedAt = now,
            IssuedOn = issuedOn,
        };
        note.Freeze(BillingDocuments.CreditNotePdf(association.Value, note, call));
        call.Cancel();
        db.CreditNotes.Add(note);
        var member = await db.Members.SingleAsync(m => m.OrganisationId == call.OrganisationId, cancellationToken);
        await Lapses.ReinstateIfSettledAsync(db, member, call, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await ViewsAsync(db, [call], cancellationToken))[0]);
    }

    private static async Task<Results<Created<FeeCallView>, ValidationProblem, NotFoundProblem, ConflictProblem>> IssueAsync(
        BillingDbContext db, FeeCallIssuer issuer, TimeProvider clock, Guid organisationId, FeeCallRequest body, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(body.Year is < FeeGridsEndpoints.FirstYear or > FeeGridsEndpoints.LastYear, "year",
                $"L'année doit être comprise entre {FeeGridsEndpoints.FirstYear} et {FeeGridsEndpoints.LastYear}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var year = body.Year ?? clock.TodayInParis().Year;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var member = await db.Members.FromSql($"SELECT * FROM members WHERE organisation_id = {organisationId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Problems.NotFound("Cet organisme n'est pas adhérent : il n'a pas d'appel de cotisation.");
        }

        if (await FeeCallIssuer.OpenCallAsync(db, organisationId, year, cancellationToken) is { } open)
        {
            return Problems.Conflict("Appel déjà émis",
                $"{member.Name} a déjà l'appel de cotisation {open.Number} pour {year} : annulez-le par un avoir avant d'en émettre un autre.");
        }

        if (await db.InForceAsync(year, cancellationToken) is null)
        {
            return ValidationErrors.Single("year", $"Aucune grille de cotisation n'est en vigueur en {year}.").ToProblem();
        }

        var reason = member.MemberSince.Year >= year ? FeeCallReason.Admission : FeeCallReason.Renewal;
        var call = await issuer.IssueAsync(db, member, year, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{Route}/{call.Id}", (await ViewsAsync(db, [call], cancellationToken))[0]);
    }

    private const string NotFound = "Cet appel de cotisation n'existe pas.";

    private static async Task<Dictionary<Guid, CreditNote>> CreditNotesOfAsync(BillingDbContext db, IReadOnlyList<FeeCall> calls, CancellationToken cancellationToken)
    {
        var cancelled = calls.Where(c => c.Status == FeeCallStatus.Cancelled).Select(c => c.Id).ToList();
        return cancelled.Count == 0
            ? []
            : await db.CreditNotes.AsNoTracking().Where(n => cancelled.Contains(n.FeeCallId)).ToDictionaryAsync(n => n.FeeCallId, cancellationToken);
    }

    public static async Task<IReadOnlyList<FeeCallView>> ViewsAsync(BillingDbContext db, IReadOnlyList<FeeCall> calls, CancellationToken cancellationToken)
    {
        var ids = calls.Select(c => c.Id).ToList();
        var notes = await CreditNotesOfAsync(db, calls, cancellationToken);
        var payments = (await db.Payments.AsNoTracking().Where(p => ids.Contains(p.FeeCallId)).OrderBy(p => p.RecordedAt).ToListAsync(cancellationToken))
            .ToLookup(p => p.FeeCallId);
        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.FeeCallId))
            .Select(r => new { r.FeeCallId, View = new ReceiptView(r.Id, r.Number, r.IssuedOn) }).ToDictionaryAsync(r => r.FeeCallId, r => r.View, cancellationToken);
        return [.. calls.Select(call => View(call, notes.GetValueOrDefault(call.Id)) with
        {
            Payments = [.. payments[call.Id].Select(p => new PaymentView(p.Id, p.AmountCents, p.PaidOn, Payment.Code(p.Method), Payment.Label(p.Method), p.Reference, p.RecordedBy, p.RecordedAt))],
            Receipt = receipts.GetValueOrDefault(call.Id),
        })];
    }

    public static FeeCallView View(FeeCall call, CreditNote? note) => new(
        call.Id, call.Number, call.Year, call.OrganisationId, call.OrganisationName, call.Category, call.Territories,
        FeeCall.ReasonCode(call.Reason), FeeCall.StatusCode(call.Status), FeeCall.StatusLabel(call.Status),
        call.AmountCents, call.PaidCents, call.OutstandingCents, call.IssuedOn, call.DueOn, call.Computation,
        note is null ? null : new CreditNoteView(note.Id, note.Number, note.AmountCents, note.Reason, note.IssuedOn))
    {
        RemindersSent = call.RemindersSent,
        CausedLapse = call.CausedLapse,
    };
}
