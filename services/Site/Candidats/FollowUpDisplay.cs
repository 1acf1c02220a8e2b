using System.Globalization;
using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Candidats;

/// <summary>How the pages write a follow-up sheet (« fiche de suivi ») and what its form offers.</summary>
public static class FollowUpDisplay
{
    /// <summary>A sheet still open: lines are added to it (a hire or an end closes it).</summary>
    public const string Open = "open";

    public const string Interview = "interview";

    public const string Proposal = "proposal";

    public const string Hire = "hire";

    public const string End = "end";

    /// <summary>The kinds of line, as the API takes them, with their labels.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Kinds =
    [
        (Interview, "Entretien"),
        (Proposal, "Proposition"),
        (Hire, "Recrutement"),
        (End, "Fin sans recrutement"),
    ];

    /// <summary>The API's kinds of interview.</summary>
    public static readonly IReadOnlyList<string> InterviewKinds = ["Téléphone", "Visioconférence", "Sur site"];

    /// <summary>« Visioconférence — Très bon échange. », « CDI, embauche le 04/01/2027 », « Motif : … ».</summary>
    public static string Details(FollowUpEntryView entry)
    {
        var parts = new List<string>();
        if (entry.InterviewKind is { Length: > 0 } interviewKind)
        {
            parts.Add(interviewKind);
        }

        if (entry.ContractType is { Length: > 0 } contract)
        {
            parts.Add(entry.StartDate is { } start ? $"{contract}, embauche le {Day(start)}" : contract);
        }

        if (entry.Reason is { Length: > 0 } reason)
        {
            parts.Add($"Motif : {reason}");
        }

        if (entry.Outcome is { Length: > 0 } outcome)
        {
            parts.Add(outcome);
        }

        return parts.Count == 0 ? "—" : string.Join(" — ", parts);
    }

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>What the shared partial <c>_FollowUpSheets</c> shows: the sheets, or why they could not be read.</summary>
public sealed record FollowUpSheetsDisplay(IReadOnlyList<FollowUpSheetView>? Sheets, string? Problem);
