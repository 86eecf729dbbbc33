using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.PaymentMethods;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>PayerMax's hosted cashier: one order per top-up (<c>outTradeNo</c> = the order id), refunds by <c>outRefundNo</c> = the refund id.</summary>
internal sealed class PayerMaxGateway(PayerMaxClient client, PaymentMethodCatalogue catalogue, IOptions<PayerMaxOptions> options, TimeProvider clock) : IPaymentGateway
{
    private const string PortalOnly = "PayerMax takes a chargeback's evidence and acceptance in its merchant portal (MMC) only.";

    // PayerMax's own trouble, worth trying again later; every other code is a refusal of this request.
    private static readonly HashSet<string> Unavailable = ["SYSTEM_ERROR", "REQUEST_TIMEOUT", "UNEXPECTED_ERROR"];

    public PaymentProvider Provider => PaymentProvider.PayerMax;

    public int ChargeDecimals(Currency currency) => PayerMaxAmounts.DecimalsOf(currency);

    public static string TradeNumberOf(Guid id) => id.ToString("N");

    public async Task<OpenedSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var amount = PayerMaxAmounts.Format(request.Charge)
            ?? throw new ProviderRejectedException(Provider, "AMOUNT_INVALID", $"{request.Charge} has more decimals than PayerMax takes in {request.Charge.Currency}.");
        var method = request.MethodCode is null
            ? null
            : catalogue.Method(Provider, CountryCode.Parse(request.Country).Value, request.MethodCode);
        var window = (long)Math.Ceiling((request.ExpiresAt - clock.GetUtcNow()).TotalSeconds);
        var separator = request.ReturnUrl.Query.Length > 0 ? '&' : '?';

        var response = await CallAsync(() => client.OrderAndPayAsync(new OrderAndPayData(
            TradeNumberOf(request.OrderId),
            $"ipocto balance top-up {request.OrderNumber}",
            amount,
            request.Charge.Currency.Code,
            request.Country,
            request.AccountId,
            $"{request.ReturnUrl.AbsoluteUri}{separator}topup={request.OrderId}",
            options.Value.NotifyUrl,
            window.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.OrderNumber,
            method is null ? null : new PaymentDetail(method.ProviderType, method.TargetOrg)), cancellationToken));

        var data = Accepted(response);
        if (data.RedirectUrl is null || !Uri.TryCreate(data.RedirectUrl, UriKind.Absolute, out var redirect))
        {
            throw new ProviderUnavailableException(Provider, "PayerMax accepted the order without a cashier address.");
        }

        return new OpenedSession(request.OrderId, request.OrderNumber, TradeNumberOf(request.OrderId), data.TradeToken, redirect, request.ExpiresAt);
    }

    public async Task<SubmittedRefund> RefundAsync(RefundSubmission request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var amount = PayerMaxAmounts.Format(request.Amount)
            ?? throw new ProviderRejectedException(Provider, "AMOUNT_INVALID", $"{request.Amount} has more decimals than PayerMax takes in {request.Amount.Currency}.");
        var response = await CallAsync(() => client.RefundAsync(new RefundData(
            TradeNumberOf(request.RefundId),
            TradeNumberOf(request.OrderId),
            amount,
            request.Amount.Currency.Code,
            $"ipocto refund for {request.OrderNumber}",
            options.Value.NotifyUrl), cancellationToken));

        if (response.Code is "REFUND_FAILED" or "REFUND_INSUFFICIENT_BALANCE")
        {
            return new SubmittedRefund(TradeNumberOf(request.RefundId), SubmittedRefundStatus.Failed, response.Code);
        }

        // PayerMax refuses an outRefundNo it already has; asked again (a unit of work run again, a lost answer), it is the
        // same refund, so its state is the answer.
        if (!response.IsAccepted
            && await LookUpRefundAsync(new RefundLookup(request.OrderId, request.RefundId, null, null), cancellationToken) is { } existing)
        {
            return new SubmittedRefund(TradeNumberOf(request.RefundId), existing, null);
        }

        var data = Accepted(response);
        return new SubmittedRefund(data.RefundTradeNo ?? TradeNumberOf(request.RefundId), data.Status switch
        {
            "REFUND_SUCCESS" => SubmittedRefundStatus.Succeeded,
            "REFUND_FAILED" => SubmittedRefundStatus.Failed,
            _ => SubmittedRefundStatus.Pending,
        }, null);
    }

    public async Task<PaymentLookupResult> LookUpPaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var response = await CallAsync(() => client.OrderQueryAsync(TradeNumberOf(lookup.OrderId), cancellationToken));
        if (response.Code == "ORDER_NOT_EXIST")
        {
            return new PaymentLookupResult(ProviderPaymentStatus.Unknown);
        }

        return Accepted(response).Status switch
        {
            "SUCCESS" => new PaymentLookupResult(ProviderPaymentStatus.Paid),
            "FAILED" => new PaymentLookupResult(ProviderPaymentStatus.Failed, ProviderCode: response.Data!.ResultCode),
            "CLOSED" => new PaymentLookupResult(ProviderPaymentStatus.Expired),
            _ => new PaymentLookupResult(ProviderPaymentStatus.Pending),
        };
    }

    public async Task<SubmittedRefundStatus?> LookUpRefundAsync(RefundLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var response = await CallAsync(() => client.RefundQueryAsync(TradeNumberOf(lookup.RefundId), cancellationToken));
        if (response.Code == "ORDER_NOT_EXIST")
        {
            return null;
        }

        return Accepted(response).Status switch
        {
            "REFUND_SUCCESS" => SubmittedRefundStatus.Succeeded,
            "REFUND_FAILED" => SubmittedRefundStatus.Failed,
            _ => SubmittedRefundStatus.Pending,
        };
    }

    public async Task<DisputeReport?> LookUpDisputeAsync(string providerDisputeId, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => client.CaseSearchAsync(providerDisputeId, cancellationToken));
        if (response.Code == "ORDER_NOT_EXIST")
        {
            return null;
        }

        var found = Accepted(response);
        // caseSearch carries no reason: the one the notification brought stays on the order.
        return PayerMaxChargebacks.Report(found.CaseId, found.Status, found.CaseResult, found.Amount, found.Currency, reason: null, found.ExpirationDate);
    }

    /// <summary>PayerMax has no API that lists chargebacks: a case is found by its notification, then kept up to date by <c>caseSearch</c>.</summary>
    public Task<IReadOnlyList<ReportedDispute>> ListDisputesAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReportedDispute>>([]);

    // PayerMax publishes no API to answer a chargeback (DisputeAnswers.ByApi): the merchant answers the case in its portal.
    public Task<DisputeReport?> SubmitDisputeEvidenceAsync(DisputeEvidenceSubmission request, CancellationToken cancellationToken) =>
        throw new NotSupportedException(PortalOnly);

    public Task<DisputeReport?> AcceptDisputeAsync(DisputeAcceptance request, CancellationToken cancellationToken) =>
        throw new NotSupportedException(PortalOnly);

    private TData Accepted<TData>(PayerMaxResponse<TData> response)
        where TData : class
    {
        if (response.IsAccepted && response.Data is not null)
        {
            return response.Data;
        }

        if (Unavailable.Contains(response.Code))
        {
            throw new ProviderUnavailableException(Provider, $"PayerMax answered {response.Code}: {response.Msg}");
        }

        throw new ProviderRejectedException(Provider, response.Code, response.Msg ?? response.Code);
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is PayerMaxUnavailableException or PayerMaxNotConfiguredException)
        {
            throw new ProviderUnavailableException(Provider, exception.Message, exception);
        }
    }
}
