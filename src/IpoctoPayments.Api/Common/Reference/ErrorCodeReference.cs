using System.Text;
using IpoctoPayments.Domain.Errors;

namespace IpoctoPayments.Api.Common.Reference;

/// <summary>
/// The error codes section of the API reference, written from the sources that raise them: the domain's payment errors
/// (with the guide's guidance and the Stripe and PayerMax codes that map to each) and the API's problem codes.
/// </summary>
internal static class ErrorCodeReference
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## Payment error codes").AppendLine()
            .AppendLine("A failed or declined payment carries one of these codes: in a top-up's `failure` and `attempts[].error`, on the support "
                + "timeline, and as a problem's `code` when a provider refuses at once. Show the customer the message and the guidance; "
                + "they quote the code and their order number to support. A provider code not listed here reads as `unknown_error`; "
                + $"PayerMax's `PAYMENT_FAILED` is sharpened by the method: `{PaymentErrors.WalletFailed.Code}` for an e-wallet, "
                + $"`{PaymentErrors.BankTransferFailed.Code}` for online banking, `{PaymentErrors.CardDeclined.Code}` for a card.").AppendLine();
        foreach (var error in PaymentErrors.All)
        {
            text.AppendLine($"### `{error.Code}`").AppendLine()
                .AppendLine(error.Message).AppendLine()
                .AppendLine($"**What the customer can do:** {error.Guidance}").AppendLine();
            string[] sources =
            [
                .. Sources("Stripe", StripeErrorCodes.DeclineCodes.Concat(StripeErrorCodes.ErrorCodes), error),
                .. Sources("PayerMax", PayerMaxErrorCodes.Codes, error),
            ];
            if (sources.Length > 0)
            {
                text.AppendLine($"**From the providers:** {string.Join("; ", sources)}.").AppendLine();
            }
        }

        text.AppendLine("## Problem codes").AppendLine()
            .AppendLine("Every refused request is an RFC 9457 problem (`application/problem+json`) with a stable `code`, the `field` at fault where "
                + "there is one, and a `traceId` to quote. Nothing is written when a request is refused.").AppendLine()
            .AppendLine("| code | status | meaning |")
            .AppendLine("|---|---|---|");
        foreach (var problem in ProblemCodes.All)
        {
            var status = problem.Status == 0 ? "any" : problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.AppendLine($"| `{problem.Code}` | {status} | {problem.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        return text.ToString();
    }

    /// <summary>The provider's codes that read as <paramref name="error"/>, e.g. "Stripe `do_not_honor`, `generic_decline`"; none when there are none.</summary>
    private static IEnumerable<string> Sources(string provider, IEnumerable<KeyValuePair<string, PaymentError>> map, PaymentError error)
    {
        var codes = map.Where(entry => entry.Value == error).Select(entry => $"`{entry.Key}`").Distinct().Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? [] : [$"{provider} {string.Join(", ", codes)}"];
    }
}
