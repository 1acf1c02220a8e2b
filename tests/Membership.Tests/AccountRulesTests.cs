using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Http;

namespace Membership.Tests;

/// <summary>The seed's « Compte utilisateur » rules, one case a line.</summary>
public sealed class AccountRulesTests
{
    private const string UserNameCharacters =
        "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, l'espace, le point (.), le tiret (-), l'apostrophe ('), le tiret bas (_) et le signe @.";

    [Theory]
    [InlineData("jean.dupont")]
    [InlineData("Jean Dupont")]
    [InlineData("j-p_o'hara@nege")]
    [InlineData("Élodie Bär")]
    [InlineData("agent42")]
    public void The_seeds_user_name_characters_are_accepted(string userName) =>
        Assert.True(Validate(errors => AccountRules.ValidateUserName(errors, "userName", userName)).IsEmpty);

    [Theory]
    [InlineData("jean#dupont", UserNameCharacters)]
    [InlineData("jean/dupont", UserNameCharacters)]
    [InlineData("<script>", UserNameCharacters)]
    [InlineData("jean+dupont", UserNameCharacters)]
    [InlineData("  ", "Le nom d'utilisateur est obligatoire.")]
    [InlineData(null, "Le nom d'utilisateur est obligatoire.")]
    public void Other_user_names_are_refused_with_the_rule_in_French(string? userName, string message) =>
        Assert.Equal([message], Validate(errors => AccountRules.ValidateUserName(errors, "userName", userName)).ToDictionary()["userName"]);

    [Fact]
    public void A_user_name_longer_than_60_characters_is_refused() =>
        Assert.Equal(
            ["Le nom d'utilisateur ne doit pas dépasser 60 caractères."],
            Validate(errors => AccountRules.ValidateUserName(errors, "userName", new string('a', 61))).ToDictionary()["userName"]);

    [Theory]
    [InlineData(null, "Le mot de passe est obligatoire.")]
    [InlineData("", "Le mot de passe est obligatoire.")]
    [InlineData("Court-2026!", "Le mot de passe doit contenir au moins 12 caractères.")]
    [InlineData("motdepasse123", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner.")]
    [InlineData("AZERTYUIOP123", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner.")]
    [InlineData("123456789012", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner.")]
    [InlineData("abababababab", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner.")]
    [InlineData("jean.dupont-2026-ok", "Le mot de passe ne doit pas contenir votre adresse de courriel ni votre nom d'utilisateur.")]
    public void Weak_passwords_are_refused_with_a_French_reason(string? password, string message) =>
        Assert.Equal(
            [message],
            Validate(errors => AccountRules.ValidatePassword(errors, "password", password, "jean@exemple.fr", "jean.dupont")).ToDictionary()["password"]);

    [Theory]
    [InlineData("Cheval-Batterie-Agrafe")]
    [InlineData("douze caract")]
    [InlineData("Le numérique, un job !")]
    public void Long_uncommon_passwords_are_accepted(string password) =>
        Assert.True(Validate(errors => AccountRules.ValidatePassword(errors, "password", password, "jean@exemple.fr", "jean.dupont")).IsEmpty);

    [Theory]
    [InlineData("Madame", null)]
    [InlineData("Monsieur", null)]
    [InlineData("", "La civilité est obligatoire.")]
    [InlineData("Docteur", "La civilité doit être l'une des valeurs : Madame, Monsieur.")]
    public void Civility_is_one_of_the_list(string civility, string? message)
    {
        var errors = Validate(e => AccountRules.ValidateIdentity(e, civility, "Dupont", "Jean", null)).ToDictionary();
        Assert.Equal(message is null ? [] : [message], errors.GetValueOrDefault("civility") ?? []);
    }

    [Fact]
    public void Last_and_first_names_are_required()
    {
        var errors = Validate(e => AccountRules.ValidateIdentity(e, "Madame", " ", null, null)).ToDictionary();
        Assert.Equal(["Le nom est obligatoire."], errors["lastName"]);
        Assert.Equal(["Le prénom est obligatoire."], errors["firstName"]);
    }

    [Theory]
    [InlineData("jean@exemple.fr", null)]
    [InlineData("", "L'adresse de courriel est obligatoire.")]
    [InlineData("jean@", "L'adresse de courriel n'est pas valide.")]
    [InlineData("Jean <jean@exemple.fr>", "L'adresse de courriel n'est pas valide.")]
    public void Email_addresses_are_checked(string email, string? message)
    {
        var errors = Validate(e => AccountRules.ValidateEmail(e, "email", email)).ToDictionary();
        Assert.Equal(message is null ? [] : [message], errors.GetValueOrDefault("email") ?? []);
    }

    [Fact]
    public void Accounts_are_unique_without_regard_to_case() =>
        Assert.Equal(Account.Normalize(" Jean.Dupont@Exemple.FR "), Account.Normalize("jean.dupont@exemple.fr"));

    private static ValidationErrors Validate(Action<ValidationErrors> rule)
    {
        var errors = new ValidationErrors();
        rule(errors);
        return errors;
    }
}
