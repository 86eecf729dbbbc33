using IpoctoPayments.Domain.Common;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Common;

/// <summary>
/// The <c>TopUps:Limits</c> section: ipocto's own caps, whatever the method. Amounts are major-unit strings in the
/// balance currency ("10000.00"), read exactly as a top-up's amount is; checked when the service starts.
/// </summary>
public sealed class TopUpLimitOptions
{
    public const string Section = "TopUps:Limits";

    public string MinimumPerTopUp { get; set; } = "1.00";

    public string MaximumPerTopUp { get; set; } = "10000.00";

    /// <summary>What one account may top up in any 24 hours: top-ups paid or still awaiting payment.</summary>
    public string MaximumPerDay { get; set; } = "20000.00";

    /// <summary>How often reservations older than 24 hours are removed; they stop counting at 24 hours either way.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public TopUpLimits ToLimits(Currency balance) => new(
        Money.Parse(MinimumPerTopUp, balance).Value, Money.Parse(MaximumPerTopUp, balance).Value, Money.Parse(MaximumPerDay, balance).Value);

    /// <summary>Why the settings cannot be used, or null when they can.</summary>
    public string? Problem(Currency balance)
    {
        foreach (var (name, value) in new[] { (nameof(MinimumPerTopUp), MinimumPerTopUp), (nameof(MaximumPerTopUp), MaximumPerTopUp), (nameof(MaximumPerDay), MaximumPerDay) })
        {
            var amount = Money.Parse(value, balance);
            if (!amount.IsSuccess || amount.Value.IsZero)
            {
                return $"{Section}:{name} must be an amount above zero in {balance.Code} with at most {balance.Exponent} decimals, such as \"100.00\".";
            }
        }

        var limits = ToLimits(balance);
        return limits.MinimumPerTopUp.MinorUnits > limits.MaximumPerTopUp.MinorUnits ? $"{Section}:MinimumPerTopUp may not be above MaximumPerTopUp."
            : limits.MaximumPerTopUp.MinorUnits > limits.MaximumPerDay.MinorUnits ? $"{Section}:MaximumPerTopUp may not be above MaximumPerDay."
            : null;
    }
}

/// <summary>The limits in money of the balance currency.</summary>
public sealed record TopUpLimits(Money MinimumPerTopUp, Money MaximumPerTopUp, Money MaximumPerDay)
{
    public CreditRange PerTopUp => new(MinimumPerTopUp, MaximumPerTopUp);

    /// <summary>
    /// What is left of the maximum in 24 hours once <paramref name="used"/> is counted; never below zero. Both are in
    /// the balance currency; any other is a bug, and throws.
    /// </summary>
    public Money LeftOfDay(Money used)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (used.Currency != MaximumPerDay.Currency)
        {
            throw new ArgumentException($"{used} is not in the balance currency, {MaximumPerDay.Currency}.", nameof(used));
        }

        return Money.FromMinorUnits(Math.Max(0, MaximumPerDay.MinorUnits - used.MinorUnits), MaximumPerDay.Currency).Value;
    }

    /// <summary>The largest top-up that fits now: the maximum of one top-up, or what is left of the 24 hours if less.</summary>
    public Money LargestNow(Money used) => LeftOfDay(used) is var left && left.MinorUnits < MaximumPerTopUp.MinorUnits ? left : MaximumPerTopUp;
}

/// <summary>Reads the limits in the balance currency, so a deployment with unusable limits does not start.</summary>
internal sealed class TopUpLimitOptionsValidator(IOptions<BalanceOptions> balance) : IValidateOptions<TopUpLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, TopUpLimitOptions options) =>
        options.Problem(balance.Value.ToCurrency()) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
