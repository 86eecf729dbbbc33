using System.Text;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Common;

/// <summary>Provider names as the API spells them.</summary>
public static class ProviderNames
{
    public static string Of(PaymentProvider provider) => provider switch
    {
        PaymentProvider.Stripe => "stripe",
        PaymentProvider.PayerMax => "payermax",
        _ => provider.ToString().ToLowerInvariant(),
    };

    public static PaymentProvider? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "stripe" => PaymentProvider.Stripe,
        "payermax" => PaymentProvider.PayerMax,
        _ => null,
    };
}

/// <summary>Enum values as the API spells them: snake_case (<c>AwaitingPayment</c> → <c>awaiting_payment</c>).</summary>
public static class StatusNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
