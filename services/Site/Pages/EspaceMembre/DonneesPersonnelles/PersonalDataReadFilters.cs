using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.EspaceMembre.DonneesPersonnelles;

/// <summary>
/// The journal's filters, bound from the site's French query names (<c>dossier</c>, <c>lecteur</c>, <c>du</c>, <c>au</c>);
/// their messages (a value that is no id or no date, the API's 400) are keyed by the property, as the API's fields are.
/// </summary>
public abstract class PersonalDataReadFilters : PageModel
{
    [BindProperty(SupportsGet = true, Name = PersonalDataReadFilter.DossierParameter)]
    public Guid? DossierId { get; set; }

    [BindProperty(SupportsGet = true, Name = PersonalDataReadFilter.ReaderParameter)]
    public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true, Name = PersonalDataReadFilter.FromParameter)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = PersonalDataReadFilter.ToParameter)]
    public DateOnly? To { get; set; }

    public PersonalDataReadFilter Filter => new(DossierId, AccountId, From, To);

    /// <summary>The field's value as typed (kept when it is not valid), for the form.</summary>
    public string Typed(string parameter) => Request.Query[parameter].ToString();

    /// <summary>Moves the binding errors of the query names to the properties' keys; true when none.</summary>
    protected bool FiltersAreValid()
    {
        foreach (var (parameter, key) in new[]
                 {
                     (PersonalDataReadFilter.DossierParameter, nameof(DossierId)),
                     (PersonalDataReadFilter.ReaderParameter, nameof(AccountId)),
                     (PersonalDataReadFilter.FromParameter, nameof(From)),
                     (PersonalDataReadFilter.ToParameter, nameof(To)),
                 })
        {
            if (ModelState.TryGetValue(parameter, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
            {
                var messages = entry.Errors.Select(error => error.ErrorMessage is { Length: > 0 } message ? message : "La valeur saisie n'est pas valide.").ToList();
                ModelState.Remove(parameter);
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, Message(parameter, message));
                }
            }
        }

        return ModelState.IsValid;
    }

    private static string Message(string parameter, string message) => parameter switch
    {
        PersonalDataReadFilter.DossierParameter or PersonalDataReadFilter.ReaderParameter => "Saisissez un identifiant (par exemple 0193a0b1-0000-7000-8000-000000000001).",
        _ => message.StartsWith("La valeur", StringComparison.Ordinal) ? "Saisissez une date (jj/mm/aaaa)." : message,
    };
}
