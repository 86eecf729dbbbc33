using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.PaymentMethods;
using Mediator;

namespace IpoctoPayments.Application.Refunds.RequestRefund;

internal sealed class RequestRefundHandler(ITopUpOrders orders, ILedger ledger, IRefundOutbox outbox, PaymentMethodCatalogue catalogue, TimeProvider clock)
    : ICommandHandler<RequestRefundCommand, RequestRefundResult>
{
    public async ValueTask<RequestRefundResult> Handle(RequestRefundCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(command.TopUpId, cancellationToken) ?? throw TopUpErrors.NotFound(command.TopUpId);
        var now = clock.GetUtcNow();
        if (!catalogue.CanRefund(order.Provider, order.Country, order.PaymentMethodCode))
        {
            throw AppException.Unprocessable("refund_not_supported",
                $"{order.PaymentMethodCode} payments cannot be refunded through {order.Provider}; the balance keeps the top-up.");
        }

        if (command.Currency is not null && !string.Equals(command.Currency, order.Credit.Currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.Invalid("currency_mismatch", $"Refunds of order {order.Number} are in {order.Credit.Currency}.", "amount.currency");
        }

        Money? amount = null;
        if (command.Amount is not null)
        {
            amount = Money.Parse(command.Amount, order.Credit.Currency).OrThrow(ErrorKind.Invalid, "amount");
        }

        var refundId = command.KeyedId("refund") ?? command.RequestId;
        var isRetry = order.Refunds.Any(r => r.Id == refundId);
        var requested = order.RequestRefund(refundId, amount, now);
        if (!requested.IsSuccess)
        {
            throw requested.Error!.Code == "refund_id_conflict"
                ? AppException.Unprocessable("idempotency_key_reused", "This Idempotency-Key was used for a refund of another amount.")
                : AppException.Unprocessable(requested.Error.Code, requested.Error.Message, "amount");
        }

        var refund = requested.Value;
        orders.Update(order);
        if (!isRetry)
        {
            var debit = Postings.RefundDebit(order.Id, refund.Id, order.AccountId, order.Provider, refund.Credit, refund.Charge, now);
            if (await ledger.PostAsync(debit, cancellationToken) == PostResult.InsufficientBalance)
            {
                throw AppException.Unprocessable("insufficient_balance",
                    $"The balance no longer holds {refund.Credit}: it has been spent, so it cannot be refunded.");
            }

            // Sent to the provider after this commits; until it answers, the refund is pending.
            outbox.Add(order.Id, refund.Id, now);
        }

        return new RequestRefundResult(RefundView.From(order.Refunds.First(r => r.Id == refund.Id)), TopUpView.From(order));
    }
}
