namespace Nege.Site.Forms;

/// <summary>
/// A group of checkboxes (several values) or radio buttons (one) in a fieldset with its legend, its help and its
/// message, as the shared partial <c>_ChoiceGroup</c> writes it. <paramref name="Name"/> is the field's name (<c>Input.Categories</c>).
/// </summary>
public sealed record ChoiceGroup(
    string Name,
    string Legend,
    IReadOnlyList<Choice> Options,
    IReadOnlyCollection<string> Selected,
    bool Multiple = true,
    string? Help = null,
    bool Required = false)
{
    /// <summary>Options whose label is their value.</summary>
    public static IReadOnlyList<Choice> Of(IEnumerable<string> values) => [.. values.Select(value => new Choice(value, value))];
}

public sealed record Choice(string Value, string Label);
