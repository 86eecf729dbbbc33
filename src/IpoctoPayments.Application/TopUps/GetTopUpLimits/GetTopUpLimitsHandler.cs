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
        var account = AccountId.Parse(query.AccountId).OrThrow(ErrorKind.Invalid, "accountId");
        var used = await daily.UsedAsync(account, limits.MaximumPerDay.Currency, clock.GetUtcNow(), cancellationToken);
        return new TopUpLimitsView(
            MoneyView.From(limits.MinimumPerTopUp), MoneyView.From(limits.MaximumPerTopUp), MoneyView.From(limits.MaximumPerDay),
            MoneyView.From(used), MoneyView.From(limits.LeftOfDay(used)), MoneyView.From(limits.LargestNow(used)));
    }
}
