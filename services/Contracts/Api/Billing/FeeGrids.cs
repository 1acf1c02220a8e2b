namespace Nege.Contracts.Api.Billing;

// The bodies of Billing's HTTP API for the fee grids and the public quote. Money is integer euro cents.

/// <summary>
/// A year's fee grid (« Grille de cotisation »), as the seed shows it: the table of the digital sector (by staff in the
/// region) with its start-up row, the table of the other sectors (by staff in digital jobs), each with the standard
/// and the « organisme affilié » columns. A grid that has been used for a fee call is never changed again.
/// </summary>
/// <param name="Year">The year it was made for; it applies to the later years until a newer grid exists.</param>
/// <param name="InUse">True once a fee call was computed with it: it can no longer be edited.</param>
public sealed record FeeGridView(
    int Year,
    bool InUse,
    FeeTableView DigitalSector,
    FeeTableView OtherSectors,
    StartupFeesView Startup,
    IReadOnlyList<string> Footnotes);

/// <param name="Title">« Organismes du secteur numérique » or « Organismes hors secteur numérique ».</param>
/// <param name="HeadcountHeading">The first column's heading, « Nombre de salariés sur la région (1) »…</param>
public sealed record FeeTableView(string Title, string HeadcountHeading, IReadOnlyList<FeeBandView> Bands);

/// <summary>A band of staff: from <paramref name="From"/> to <paramref name="To"/> included (no upper bound when null).</summary>
/// <param name="Label">As the seed writes it: « &lt; 10 », « 10 à 24 », « De 101 à 250 », « Plus de 1000 ».</param>
public sealed record FeeBandView(int From, int? To, string Label, long StandardCents, long AffiliatedCents);

/// <summary>The start-up row (footnotes 3 and 4): 120 €, affiliated 60 €, free for an affiliated start-up with the Syntec Numérique pack.</summary>
public sealed record StartupFeesView(long StandardCents, long AffiliatedCents, long AffiliatedWithStartupPackCents);

/// <summary>An admin's edit of a grid not used yet: both tables and the start-up row, replaced as a whole.</summary>
public sealed record FeeGridUpdate(IReadOnlyList<FeeBandUpdate>? DigitalSector, IReadOnlyList<FeeBandUpdate>? OtherSectors, StartupFeesView? Startup);

/// <summary>One band as edited: its bounds (the last one open) and its two amounts; the label is written from the bounds when left out.</summary>
public sealed record FeeBandUpdate(int? From, int? To, string? Label, long? StandardCents, long? AffiliatedCents);

/// <summary>An admin creates a year's grid as a copy of the grid in force that year, to edit it before it is used.</summary>
public sealed record FeeGridCreation(int? Year);

/// <summary>
/// What a member pays for a year (GET /api/billing/quote), computed line by line, with the sentence that explains it:
/// « Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée :
/// tranche 25 à 50, 672 € ».
/// </summary>
/// <param name="Basis">« grid » (a band of a table), « startup » (the start-up row) or « agreement » (a partner's fee set by convention).</param>
/// <param name="GridYear">The grid it was computed with (the newest one made for that year or before).</param>
/// <param name="Band">The band's label, for the grid's basis.</param>
public sealed record FeeQuoteView(
    int Year,
    int GridYear,
    string Basis,
    long AmountCents,
    string Amount,
    string? Band,
    string Explanation,
    IReadOnlyList<FeeLineView> Lines);

/// <summary>One step of a computation: « Alsace » → « 12 salariés », « Tranche » → « 25 à 50 », « Cotisation annuelle standard » → « 672 € ».</summary>
public sealed record FeeLineView(string Label, string Value);
