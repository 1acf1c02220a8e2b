using System.Text.RegularExpressions;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Accounts;

/// <summary>The rules of the seed's « Compte utilisateur » section, with their French messages.</summary>
public static partial class AccountRules
{
    public const int EmailMaxLength = 254;
    public const int UserNameMaxLength = 60;
    public const int NameMaxLength = 100;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 200;

    /// <summary>« Civilité » (the seed's list is empty: « Choisir une valeur »).</summary>
    public static readonly IReadOnlyList<string> Civilities = Nege.Contracts.Membership.MembershipForm.Civilities;

    /// <summary>Letters, digits, and the seed's special characters: space, « . », « - », « ' », « _ » and « @ ».</summary>
    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd} .\-'_@]+$")]
    private static partial Regex UserNamePattern();

    public static void ValidateEmail(ValidationErrors errors, string field, string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "L'adresse de courriel est obligatoire.");
        }
        else if (value.Length > EmailMaxLength || !EmailAddress.IsValid(value))
        {
            errors.Add(field, "L'adresse de courriel n'est pas valide.");
        }
    }

    public static void ValidateUserName(ValidationErrors errors, string field, string? userName)
    {
        var value = userName?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "Le nom d'utilisateur est obligatoire.");
        }
        else if (value.Length > UserNameMaxLength)
        {
            errors.Add(field, $"Le nom d'utilisateur ne doit pas dépasser {UserNameMaxLength} caractères.");
        }
        else if (!UserNamePattern().IsMatch(value))
        {
            errors.Add(field, "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, l'espace, le point (.), le tiret (-), l'apostrophe ('), le tiret bas (_) et le signe @.");
        }
    }

    public static void ValidateIdentity(ValidationErrors errors, string? civility, string? lastName, string? firstName, string? function)
    {
        if (string.IsNullOrWhiteSpace(civility))
        {
            errors.Add("civility", "La civilité est obligatoire.");
        }
        else if (!Civilities.Contains(civility.Trim()))
        {
            errors.Add("civility", $"La civilité doit être l'une des valeurs : {string.Join(", ", Civilities)}.");
        }

        Required(errors, "lastName", lastName, "Le nom est obligatoire.", "Le nom");
        Required(errors, "firstName", firstName, "Le prénom est obligatoire.", "Le prénom");
        if (function?.Trim().Length > NameMaxLength)
        {
            errors.Add("function", $"La fonction ne doit pas dépasser {NameMaxLength} caractères.");
        }
    }

    /// <summary>At least 12 characters, not a common password, not the person's own e-mail or user name.</summary>
    public static void ValidatePassword(ValidationErrors errors, string field, string? password, params string?[] personalValues)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "Le mot de passe est obligatoire.");
        }
        else if (password.Length < PasswordMinLength)
        {
            errors.Add(field, $"Le mot de passe doit contenir au moins {PasswordMinLength} caractères.");
        }
        else if (password.Length > PasswordMaxLength)
        {
            errors.Add(field, $"Le mot de passe ne doit pas dépasser {PasswordMaxLength} caractères.");
        }
        else if (CommonPasswords.Contains(password) || password.Distinct().Count() <= 2)
        {
            errors.Add(field, "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner.");
        }
        else if (personalValues.Any(value => !string.IsNullOrWhiteSpace(value) && password.Contains(value.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(field, "Le mot de passe ne doit pas contenir votre adresse de courriel ni votre nom d'utilisateur.");
        }
    }

    private static void Required(ValidationErrors errors, string field, string? value, string missing, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
        }
        else if (value.Trim().Length > NameMaxLength)
        {
            errors.Add(field, $"{label} ne doit pas dépasser {NameMaxLength} caractères.");
        }
    }
}
