using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.TopUps.ListTopUps;

internal sealed class ListTopUpsHandler(ITopUpOrders orders) : IQueryHandler<ListTopUpsQuery, TopUpPage>
{
    public async ValueTask<TopUpPage> Handle(ListTopUpsQuery query, CancellationToken cancellationToken)
    {
        var account = AccountId.Parse(query.AccountId).OrThrow(ErrorKind.Invalid, "accountId");

        // One more than asked tells whether another page follows.
        var found = await orders.ListAsync(account, query.After, query.Limit + 1, cancellationToken);
        var page = found.Take(query.Limit).Select(TopUpView.From).ToList();
        return new TopUpPage(page, found.Count > query.Limit ? page[^1].Id : null);
    }
}
