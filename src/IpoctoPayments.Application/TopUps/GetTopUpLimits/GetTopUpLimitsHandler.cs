using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.TopUps.GetTopUpLimits;

internal sealed class GetTopUpLimitsHandler(IDailyTopUpLimit daily, TimeProvider clock, TopUpLimits limits)
    : IQueryHandler<GetTopUpLimitsQuery, TopUpLimitsView>
{
    public async ValueTask<TopUpLimitsView> Handle(GetTopUpLimitsQuery query, CancellationToken cancellationToken)
    {
        var currency = limits.MaximumPerDay.Currency;
        var used = await daily.UsedAsync(AccountId.Parse(query.AccountId).OrThrow(ErrorKind.Invalid, "accountId"), currency, clock.GetUtcNow(), cancellationToken);
        var remaining = Math.Max(0, limits.MaximumPerDay.MinorUnits - used.MinorUnits);
        var largest = Math.Min(limits.MaximumPerTopUp.MinorUnits, remaining);
        return new TopUpLimitsView(
            MoneyView.From(limits.MinimumPerTopUp), MoneyView.From(limits.MaximumPerTopUp), MoneyView.From(limits.MaximumPerDay),
            MoneyView.From(used), MoneyView.From(Money.FromMinorUnits(remaining, currency).Value), MoneyView.From(Money.FromMinorUnits(largest, currency).Value));
    }
}
