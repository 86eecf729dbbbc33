using System.Net;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using Polly;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Infrastructure.Providers.Stripe;

/// <summary>Stripe Checkout through Stripe.net: a hosted session per order, refunds against its PaymentIntent.</summary>
internal sealed class StripeGateway(StripeClient stripe) : IPaymentGateway
{
    /// <summary>A cap on one reconciliation pass's listing: 1,000 disputes since the last passes is far past any real rate.</summary>
    private const int MaxDisputePages = 10;

    public PaymentProvider Provider => PaymentProvider.Stripe;

    public int ChargeDecimals(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency.Exponent;
    }

    public async Task<OpenedSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadata.TopUpId] = request.OrderId.ToString(),
            [StripeMetadata.OrderNumber] = request.OrderNumber,
            [StripeMetadata.AccountId] = request.AccountId,
        };
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Charge.Currency.Code.ToLowerInvariant(),
                        UnitAmount = request.Charge.MinorUnits,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"ipocto balance top-up {request.OrderNumber}" },
                    },
                },
            ],
            SuccessUrl = ReturnUrl(request, "{CHECKOUT_SESSION_ID}"),
            CancelUrl = ReturnUrl(request, null) + "&cancelled=true",
            ClientReferenceId = request.OrderId.ToString(),
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            ExpiresAt = request.ExpiresAt.UtcDateTime,
            AllowedPaymentMethodTypes = StripeMethodTypes(request.MethodCode),
        };

        var session = await CallAsync(() => stripe.V1.Checkout.Sessions.CreateAsync(
            options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken));

        // A replayed session keeps the identity of the attempt that opened it.
        var orderId = session.Metadata.TryGetValue(StripeMetadata.TopUpId, out var id) && Guid.TryParse(id, out var parsed) ? parsed : request.OrderId;
        var number = session.Metadata.GetValueOrDefault(StripeMetadata.OrderNumber, request.OrderNumber);
        return new OpenedSession(orderId, number, session.Id, null, new Uri(session.Url), new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero));
    }

    public async Task<SubmittedRefund> RefundAsync(RefundSubmission request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paymentIntentId = request.PaymentIntentId;
        if (paymentIntentId is null && request.SessionId is not null)
        {
            var session = await CallAsync(() => stripe.V1.Checkout.Sessions.GetAsync(request.SessionId, cancellationToken: cancellationToken));
            paymentIntentId = session.PaymentIntentId;
        }

        if (paymentIntentId is null)
        {
            throw new ProviderRejectedException(Provider, "no_payment_intent", "The order has no Stripe payment to refund.");
        }

        var refund = await CallAsync(() => stripe.V1.Refunds.CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = paymentIntentId,
                Amount = request.Amount.MinorUnits,
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string>
                {
                    [StripeMetadata.TopUpId] = request.OrderId.ToString(),
                    [StripeMetadata.RefundId] = request.RefundId.ToString(),
                    [StripeMetadata.OrderNumber] = request.OrderNumber,
                },
            },
            new RequestOptions { IdempotencyKey = request.IdempotencyKey },
            cancellationToken));

        return new SubmittedRefund(refund.Id, refund.Status switch
        {
            "succeeded" => SubmittedRefundStatus.Succeeded,
            "failed" or "canceled" => SubmittedRefundStatus.Failed,
            _ => SubmittedRefundStatus.Pending,
        }, refund.FailureReason);
    }

    public async Task<PaymentLookupResult> LookUpPaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.SessionId is null)
        {
            return new PaymentLookupResult(ProviderPaymentStatus.Unknown);
        }

        var session = await CallAsync(() => stripe.V1.Checkout.Sessions.GetAsync(
            lookup.SessionId, new SessionGetOptions { Expand = ["payment_intent"] }, cancellationToken: cancellationToken));

        // A session reported expired can still have taken the money later (the bank-sync delay): the PaymentIntent says.
        var intent = session.PaymentIntent;
        if (intent?.Status == "succeeded" || (session.Status == "complete" && session.PaymentStatus == "paid"))
        {
            return new PaymentLookupResult(ProviderPaymentStatus.Paid, session.PaymentIntentId);
        }

        return session.Status switch
        {
            "expired" => new PaymentLookupResult(ProviderPaymentStatus.Expired, session.PaymentIntentId),
            "complete" when intent?.Status is "canceled" or "requires_payment_method" =>
                new PaymentLookupResult(ProviderPaymentStatus.Failed, session.PaymentIntentId, intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code),
            _ => new PaymentLookupResult(ProviderPaymentStatus.Pending, session.PaymentIntentId),
        };
    }

    public async Task<SubmittedRefundStatus?> LookUpRefundAsync(RefundLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var paymentIntentId = lookup.PaymentIntentId;
        if (paymentIntentId is null && lookup.SessionId is not null)
        {
            paymentIntentId = (await CallAsync(() => stripe.V1.Checkout.Sessions.GetAsync(lookup.SessionId, cancellationToken: cancellationToken))).PaymentIntentId;
        }

        if (paymentIntentId is null)
        {
            return null;
        }

        var refunds = await CallAsync(() => stripe.V1.Refunds.ListAsync(new RefundListOptions { PaymentIntent = paymentIntentId, Limit = 100 }, cancellationToken: cancellationToken));
        var refund = refunds.Data.FirstOrDefault(r => r.Metadata?.GetValueOrDefault(StripeMetadata.RefundId) == lookup.RefundId.ToString());
        return refund?.Status switch
        {
            "succeeded" => SubmittedRefundStatus.Succeeded,
            "failed" or "canceled" => SubmittedRefundStatus.Failed,
            null => null,
            _ => SubmittedRefundStatus.Pending,
        };
    }

    public async Task<DisputeReport?> LookUpDisputeAsync(string providerDisputeId, CancellationToken cancellationToken)
    {
        var dispute = await CallAsync(() => stripe.V1.Disputes.GetAsync(providerDisputeId, cancellationToken: cancellationToken));
        return StripeEventReader.ReportOf(dispute);
    }

    /// <summary>Stripe lists disputes newest first: pages are read until one reaches back past <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<ReportedDispute>> ListDisputesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new List<ReportedDispute>();
        string? after = null;
        for (var page = 0; page < MaxDisputePages; page++)
        {
            var list = await CallAsync(() => stripe.V1.Disputes.ListAsync(new DisputeListOptions { Limit = 100, StartingAfter = after }, cancellationToken: cancellationToken));
            var recent = list.Data.TakeWhile(d => new DateTimeOffset(d.Created, TimeSpan.Zero) >= since).ToList();
            found.AddRange(recent.Select(d => (Dispute: d, Report: StripeEventReader.ReportOf(d)))
                .Where(d => d.Report is not null)
                .Select(d => new ReportedDispute(d.Report!, d.Dispute.PaymentIntentId, new DateTimeOffset(d.Dispute.Created, TimeSpan.Zero))));
            if (!list.HasMore || recent.Count < list.Data.Count || list.Data.Count == 0)
            {
                break;
            }

            after = list.Data[^1].Id;
        }

        return found;
    }

    public async Task<DisputeReport?> SubmitDisputeEvidenceAsync(DisputeEvidenceSubmission request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispute = await CallAsync(() => stripe.V1.Disputes.UpdateAsync(
            request.ProviderDisputeId,
            new DisputeUpdateOptions { Evidence = new DisputeEvidenceOptions { UncategorizedText = request.Evidence }, Submit = true },
            new RequestOptions { IdempotencyKey = request.IdempotencyKey },
            cancellationToken));
        return StripeEventReader.ReportOf(dispute);
    }

    public async Task<DisputeReport?> AcceptDisputeAsync(DisputeAcceptance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispute = await CallAsync(() => stripe.V1.Disputes.CloseAsync(
            request.ProviderDisputeId, new DisputeCloseOptions(), new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken));
        return StripeEventReader.ReportOf(dispute);
    }

    /// <summary>ipocto's method codes that narrow Stripe's page; cards (with Apple Pay and Google Pay) need no narrowing.</summary>
    private static List<string>? StripeMethodTypes(string? methodCode) => methodCode switch
    {
        "wechat_pay" => ["wechat_pay"],
        "alipay" => ["alipay"],
        "card" or "apple_pay" or "google_pay" => ["card"],
        _ => null,
    };

    private static string ReturnUrl(OpenSessionRequest request, string? sessionPlaceholder)
    {
        var separator = request.ReturnUrl.Query.Length > 0 ? '&' : '?';
        var url = $"{request.ReturnUrl.AbsoluteUri}{separator}topup={request.OrderId}";
        return sessionPlaceholder is null ? url : $"{url}&session_id={sessionPlaceholder}";
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        // 409: the same idempotency key is still being processed (a retry overtook a lost answer); asking again later is right.
        catch (StripeException exception) when (exception.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)exception.HttpStatusCode >= 500 || exception.HttpStatusCode == 0)
        {
            throw new ProviderUnavailableException(Provider, $"Stripe failed: {exception.Message}", exception);
        }
        catch (StripeException exception)
        {
            throw new ProviderRejectedException(Provider, exception.StripeError?.Code ?? "invalid_request", exception.StripeError?.Message ?? exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException or ExecutionRejectedException)
        {
            throw new ProviderUnavailableException(Provider, "Stripe could not be reached.", exception);
        }
    }
}
