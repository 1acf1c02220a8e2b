namespace Nege.Site.Pages.EspaceMembre.Organisme;

/// <summary>A list of checkboxes (<c>_Cases.cshtml</c>): the field's key, its legend and help, the values offered and those ticked.</summary>
public sealed record CheckboxGroup(string Key, string Legend, string? Help, IReadOnlyList<string> Options, IReadOnlyCollection<string> Chosen);
