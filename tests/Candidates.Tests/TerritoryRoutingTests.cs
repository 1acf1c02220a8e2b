using Nege.Candidates.Dossiers;

namespace Candidates.Tests;

public sealed class TerritoryRoutingTests
{
    [Theory]
    [InlineData("67000", "Alsace")]
    [InlineData("68100", "Alsace")]
    [InlineData("54000", "Lorraine")]
    [InlineData("55100", "Lorraine")]
    [InlineData("57000", "Lorraine")]
    [InlineData("88000", "Lorraine")]
    [InlineData("08000", "Champagne-Ardenne")]
    [InlineData("10000", "Champagne-Ardenne")]
    [InlineData("51100", "Champagne-Ardenne")]
    [InlineData("52000", "Champagne-Ardenne")]
    [InlineData("90000", "Alsace")]
    [InlineData("75001", null)]
    [InlineData("97400", null)]
    public void A_dossier_goes_to_the_commission_of_its_postal_code(string postalCode, string? territory) =>
        Assert.Equal(territory, TerritoryRouting.TerritoryOf(postalCode, new TerritoryOptions()));

    [Theory]
    [InlineData("Lorraine", "Lorraine")]
    [InlineData("", null)]
    public void Where_Belfort_goes_is_configured(string configured, string? territory) =>
        Assert.Equal(territory, TerritoryRouting.TerritoryOf("90000", new TerritoryOptions { Belfort = configured }));
}
