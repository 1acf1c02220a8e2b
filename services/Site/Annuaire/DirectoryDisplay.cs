namespace Nege.Site.Annuaire;

/// <summary>The directory's addresses and sentences.</summary>
public static class DirectoryDisplay
{
    public const string SearchPath = "/annuaire";

    public const string PartnersPath = "/annuaire/partenaires";

    public static string OrganisationPath(Guid id) => $"{SearchPath}/{id}";

    /// <summary>« 3 organismes correspondent à votre recherche. », or how many the directory lists without criteria.</summary>
    public static string Count(int total, bool searched) => (total, searched) switch
    {
        (0, true) => "Aucun organisme ne correspond à votre recherche.",
        (0, false) => "Aucun organisme ne figure encore dans l'annuaire.",
        (1, true) => "1 organisme correspond à votre recherche.",
        (1, false) => "1 organisme figure dans l'annuaire.",
        (_, true) => $"{total} organismes correspondent à votre recherche.",
        _ => $"{total} organismes figurent dans l'annuaire.",
    };

    /// <summary>The member's website when it is a web address (http or https); null otherwise, and then it is not a link.</summary>
    public static string? WebsiteHref(string? website) =>
        Uri.TryCreate(website?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    public static string LogoAlt(string name) => $"Logo de {name}";
}
