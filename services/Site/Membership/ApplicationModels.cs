using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Membership;
using Nege.ServiceDefaults.Data;
using Nege.Site.Forms;

namespace Nege.Site.Membership;

/// <summary>What the site reads off Membership's application shapes.</summary>
public static class ApplicationViewExtensions
{
    extension(ApplicationView application)
    {
        public bool IsDraft => application.Status == ApplicationView.Draft;
    }

    extension(ReferentView referent)
    {
        public string FullName => $"{referent.FirstName} {referent.LastName}".Trim();
    }
}

/// <summary>How a draft is opened: its id, and the key given at its creation unless the person is its logged-in referent.</summary>
public sealed record DraftAccess(string Id, string? Key);

/// <summary>What the shared partial <c>_Application</c> shows: the application and where its images are served.</summary>
public sealed record ApplicationDisplay(ApplicationView Application, string LogoUrl, string PhotoUrl);

/// <summary>The API's field errors on the application forms, whose fields are the flat properties of an input model.</summary>
public static class ApplicationProblems
{
    /// <summary>
    /// Like <see cref="ProblemDisplay.AddProblem"/>, with the API's dotted keys (<c>workplace.city</c>,
    /// <c>startup.headcount</c>) joined into the flat properties of <typeparamref name="TInput"/>
    /// (<c>WorkplaceCity</c>, <c>StartupHeadcount</c>); a group key (<c>perimeter</c>) goes beside the
    /// group, and a key the form has no field for goes to the summary at the top.
    /// </summary>
    public static void AddApplicationProblem<TInput>(this ModelStateDictionary modelState, MembershipApiException exception, string prefix = "Input")
    {
        var problem = exception.Problem;
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var elsewhere = new List<string>();
        foreach (var (key, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            var flat = Flatten(key);
            if (IsFieldOrGroup(typeof(TInput), ProblemDisplay.FieldKey(flat, "")))
            {
                fields[flat] = messages;
            }
            else
            {
                elsewhere.AddRange(messages);
            }
        }

        if (fields.Count > 0 || elsewhere.Count == 0)
        {
            modelState.AddProblem(new MembershipApiException(exception.Status, problem is null ? null : problem with { Errors = fields }), prefix);
        }

        foreach (var message in elsewhere)
        {
            modelState.AddModelError("", message);
        }
    }

    /// <summary>Where the form shows the field of an API key: <c>workplace.city</c> → <c>/adhesion/referent#Input_WorkplaceCity</c>.</summary>
    public static string FormLink(string key)
    {
        var field = ProblemDisplay.FieldKey(Flatten(key), "Input");
        return (IsReferentKey(key) ? "/adhesion/referent" : "/adhesion/organisme") + "#" + FormField.Id(field);
    }

    /// <summary>The API's keys of a part-1 field (the rest are part 2's), to link what is missing to the right page.</summary>
    public static bool IsReferentKey(string key) =>
        Flatten(key) is var flat && (flat.StartsWith("workplace", StringComparison.Ordinal) || ReferentKeys.Contains(flat));

    /// <summary><c>workplace.siteName</c> → <c>workplaceSiteName</c>.</summary>
    public static string Flatten(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        var parts = name.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((part, index) => index == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
    }

    private static readonly HashSet<string> ReferentKeys = new(StringComparer.Ordinal)
    {
        "email", "userName", "civility", "lastName", "firstName", "function", "photo", "mobilePhone", "landlinePhone",
        "notificationCategories", "consent",
    };

    private static bool IsFieldOrGroup(Type input, string name) =>
        name.Length > 0 && input.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(property => property.Name.StartsWith(name, StringComparison.Ordinal));
}

/// <summary>A logo or a photo, passed on from the API to the browser.</summary>
public static class ApplicationImages
{
    private static readonly HashSet<string> ImageTypes = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/gif" };

    /// <param name="cacheControl">An applicant's images are never kept; a member's logo is revalidated, so a new one shows at once.</param>
    public static IActionResult Serve(PageModel page, ApiFile? file, string cacheControl = "private, no-store")
    {
        // Only the image types Membership accepts: nothing else is served from the site's origin.
        if (file is null || !ImageTypes.Contains(file.ContentType))
        {
            return page.NotFound();
        }

        page.Response.Headers.CacheControl = cacheControl;
        page.Response.Headers.XContentTypeOptions = "nosniff";
        return page.File(file.Content, file.ContentType);
    }
}

/// <summary>How the application pages write dates and deadlines.</summary>
public static class ApplicationText
{
    /// <summary>The day in Paris, the association's time, at <paramref name="instant"/> (now by default).</summary>
    public static DateOnly ParisDay(DateTimeOffset? instant = null) => ParisTime.DateOf(instant ?? DateTimeOffset.UtcNow);

    /// <summary>A day as a date input takes it.</summary>
    public static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) =>
        day?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Days(int count) => count is 1 or -1 ? $"{Math.Abs(count)} jour" : $"{Math.Abs(count)} jours";

    /// <summary>« En retard de 3 jours », « 5 jours restants », « Échéance aujourd'hui ».</summary>
    public static string Deadline(int? daysLeft, bool overdue)
    {
        if (daysLeft is not { } days)
        {
            return "";
        }

        if (overdue || days < 0)
        {
            return $"En retard de {Days(days)}";
        }

        return days switch
        {
            0 => "Échéance aujourd'hui",
            1 => "1 jour restant",
            _ => $"{days} jours restants",
        };
    }
}
