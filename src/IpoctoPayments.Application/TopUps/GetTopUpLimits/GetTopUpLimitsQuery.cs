using IpoctoPayments.Application.Common;
using Mediator;

namespace IpoctoPayments.Application.TopUps.GetTopUpLimits;

/// <summary>"How much can I top up?": ipocto's limits, and what the account's last 24 hours leave of its day.</summary>
public sealed record GetTopUpLimitsQuery(string AccountId) : IQuery<TopUpLimitsView>;

/// <summary>
/// The limits in the balance currency. <see cref="Used"/> counts the top-ups of the last 24 hours paid or still awaiting
/// payment; <see cref="LargestNow"/> is the most one top-up may be now (the per-top-up maximum or what is left, the
/// smaller), below <see cref="MinimumPerTopUp"/> when nothing can be topped up until earlier top-ups are 24 hours old.
/// </summary>
public sealed record TopUpLimitsView(
    MoneyView MinimumPerTopUp,
    MoneyView MaximumPerTopUp,
    MoneyView MaximumPer24Hours,
    MoneyView Used,
    MoneyView Remaining,
    MoneyView LargestNow);
