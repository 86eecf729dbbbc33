using System.Globalization;
using IpoctoPayments.Simulator.Stripe.Engine;

namespace IpoctoPayments.Simulator.Stripe.Pages;

/// <summary>
/// The card fields as the hosted page posts them, checked the way Stripe's card element checks them before any
/// attempt is made. The number is used for the attempt and then dropped; only brand and last four are kept.
/// </summary>
internal static class CardForm
{
    public static (CardAttempt? Attempt, string? Problem) Read(IFormCollection form, DateTimeOffset now, string? wallet = null)
    {
        var number = new string([.. form["card_number"].ToString().Where(char.IsAsciiDigit)]);
        if (number.Length < 12)
        {
            return (null, "Your card number is incomplete.");
        }

        if (!TryReadExpiry(form["card_expiry"].ToString(), out var month, out var year))
        {
            return (null, "Your card's expiration date is incomplete.");
        }

        if (year < now.Year || (year == now.Year && month < now.Month))
        {
            return (null, "Your card's expiration date is in the past.");
        }

        var cvc = form["card_cvc"].ToString().Trim();
        return cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit)
            ? (null, "Your card's security code is incomplete.")
            : (new CardAttempt(number, month, year, wallet), null);
    }

    /// <summary>"MM / YY", "MM/YY", "MM/YYYY" or "MMYY".</summary>
    private static bool TryReadExpiry(string text, out int month, out int year)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        month = 0;
        year = 0;
        if (digits.Length is not (4 or 6)
            || !int.TryParse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            || !int.TryParse(digits.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            || month is < 1 or > 12)
        {
            return false;
        }

        if (year < 100)
        {
            year += 2000;
        }

        return true;
    }
}
