using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Refunds;

/// <summary>
/// Sends a requested refund to the provider and settles what the provider already knows. Shared by refunds asked for
/// by an admin and the automatic refund of a late capture. A provider that cannot be reached stops the whole command,
/// so nothing of the refund is kept and it can be asked again.
/// </summary>
internal sealed class RefundSubmitter(IPaymentGateways gateways, ILedger ledger)
{
    public async Task SubmitAsync(TopUpOrder order, Refund refund, DateTimeOffset at, CancellationToken cancellationToken)
    {
        SubmittedRefund submitted;
        try
        {
            submitted = await gateways.For(order.Provider).RefundAsync(new RefundSubmission(
                order.Id,
                refund.Id,
                order.Number.Value,
                order.References.SessionId,
                order.References.PaymentIntentId,
                refund.Charge,
                $"refund-{refund.Id:N}"), cancellationToken);
        }
        catch (ProviderUnavailableException)
        {
            throw new AppException(new AppError(ErrorKind.ProviderUnavailable, PaymentErrors.ProviderUnavailable.Code,
                $"The refund could not be sent: {PaymentErrors.ProviderUnavailable.Message} Nothing was refunded or debited."));
        }
        catch (ProviderRejectedException rejected)
        {
            throw AppException.Unprocessable("refund_rejected", $"The provider refused the refund: {rejected.Message}");
        }

        switch (submitted.Status)
        {
            case SubmittedRefundStatus.Succeeded:
                order.ConfirmRefund(refund.Id, at);
                break;
            case SubmittedRefundStatus.Failed:
                await FailAsync(order, refund.Id, at, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The provider could not refund: the refund is failed and what was taken from the balance (or suspense) goes back.
    /// False when there was nothing to change (an unknown or already settled refund).
    /// </summary>
    public async Task<bool> FailAsync(TopUpOrder order, Guid refundId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var failed = order.FailRefund(refundId, PaymentErrors.RefundFailed, at);
        if (!failed.IsSuccess || !failed.Value.IsApplied)
        {
            return false;
        }

        var refund = order.Refunds.First(r => r.Id == refundId);
        var kind = refund.ForLateCapture ? PostingKind.LateCaptureRefund : PostingKind.RefundDebit;
        if (await ledger.FindAsync(new PostingKey(order.Id, kind, refundId), cancellationToken) is { } posting)
        {
            await ledger.PostAsync(Postings.RefundReversal(posting, at).Value, cancellationToken);
        }

        return true;
    }
}
