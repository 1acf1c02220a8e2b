using PhoneNumbers;

namespace Nege.ServiceDefaults.Http;

/// <summary>Phone numbers as people write them in France (or international), stored in E.164.</summary>
public static class FrenchPhone
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, null when empty; a per-field French message when it is not a valid (mobile) number.</summary>
    public static string? ToE164(ValidationErrors errors, string field, string? value, string label, bool mobile = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var invalid = $"Le {label} n'est pas un numéro valide (par exemple 06 12 34 56 78 ou +33 6 12 34 56 78).";
        try
        {
            var number = Phones.Parse(value.Trim(), "FR");
            if (!Phones.IsValidNumber(number))
            {
                errors.Add(field, invalid);
                return null;
            }

            if (mobile && Phones.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            {
                errors.Add(field, $"Le {label} n'est pas un numéro de mobile.");
                return null;
            }

            return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            errors.Add(field, invalid);
            return null;
        }
    }
}
