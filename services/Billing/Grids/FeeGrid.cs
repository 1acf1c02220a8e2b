using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Billing.Grids;

/// <summary>A band of staff, <see cref="From"/> to <see cref="To"/> included (no upper bound when null), and its two yearly amounts.</summary>
public sealed record FeeBand(int From, int? To, string Label, long StandardCents, long AffiliatedCents)
{
    public bool Contains(int headcount) => headcount >= From && (To is null || headcount <= To);

    /// <summary>The label an admin's new band gets when none is given, in the seed's manner.</summary>
    public static string LabelFor(int from, int? to) => (from, to) switch
    {
        (0, { } upper) => $"< {upper + 1}",
        (_, null) => $"Plus de {from - 1}",
        (_, { } upper) => $"{from} à {upper}",
    };
}

/// <summary>The start-up row (footnotes 3 and 4).</summary>
public sealed record StartupFees(long StandardCents, long AffiliatedCents, long AffiliatedWithStartupPackCents);

/// <summary>What a grid says: the two tables and the start-up row.</summary>
public sealed record FeeGridContent(IReadOnlyList<FeeBand> DigitalSector, IReadOnlyList<FeeBand> OtherSectors, StartupFees Startup);

/// <summary>
/// A year's fee grid. It applies to its year and the later ones until a newer grid exists; once a fee call has
/// been computed with it (<see cref="FirstUsedAt"/>), it is never changed again, so every call can be recomputed.
/// </summary>
public sealed class FeeGrid
{
    public int Year { get; init; }

    public required FeeGridContent Content { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? FirstUsedAt { get; private set; }

    public bool InUse => FirstUsedAt is not null;

    public void MarkUsed(DateTimeOffset now) => FirstUsedAt ??= now;
}

internal sealed class FeeGridConfiguration : IEntityTypeConfiguration<FeeGrid>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<FeeGrid> grid)
    {
        grid.ToTable("fee_grids");
        grid.HasKey(g => g.Year);
        grid.Property(g => g.Year).HasColumnName("year").ValueGeneratedNever();
        grid.Property(g => g.Content).HasColumnName("content").HasColumnType("jsonb")
            .HasConversion(
                content => JsonSerializer.Serialize(content, Json),
                json => JsonSerializer.Deserialize<FeeGridContent>(json, Json)!);
        grid.Property(g => g.CreatedAt).HasColumnName("created_at");
        grid.Property(g => g.UpdatedAt).HasColumnName("updated_at");
        grid.Property(g => g.FirstUsedAt).HasColumnName("first_used_at");
        grid.Ignore(g => g.InUse);
        grid.HasData(new FeeGrid { Year = FeeGrid2019.Year, Content = FeeGrid2019.Content, CreatedAt = FeeGrid2019.PublishedAt });
    }
}
