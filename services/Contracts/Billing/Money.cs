using System.Globalization;

namespace Nege.Contracts.Billing;

/// <summary>Money is integer euro cents; shown as the association does: « 1 152 € », « 96,50 € ».</summary>
public static class Money
{
    private static readonly NumberFormatInfo French = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    public static string Format(long cents)
    {
        var euros = cents / 100m;
        return (cents % 100 == 0 ? euros.ToString("#,0", French) : euros.ToString("#,0.00", French)) + " €";
    }

    public static long Cents(int euros) => euros * 100L;
}
