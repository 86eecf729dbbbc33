using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;
using static IpoctoPayments.Simulator.Control.ControlApi;

namespace IpoctoPayments.Simulator.PayerMax.Control;

/// <summary>
/// Chargebacks under <c>/_simulator/payermax</c>: open a case on a paid order and decide it, since PayerMax leaves
/// the merchant's answer to its portal and offers no API for it.
/// </summary>
internal static class ChargebackControl
{
    public const string DefaultReason = "FRAUD";

    public static void MapChargebackControl(this RouteGroupBuilder control)
    {
        control.MapGet("/chargebacks", (PayerMaxStore store) => store.Chargebacks.Select(ChargebackView.Of))
            .WithSummary("Every chargeback case, oldest first.");
        control.MapGet("/chargebacks/{caseId}", (string caseId, PayerMaxStore store) =>
                store.FindChargeback(caseId) is { } chargeback ? Results.Ok(ChargebackView.Of(chargeback)) : NotFound("PayerMax chargeback case", caseId))
            .WithSummary("One chargeback case.");
        control.MapPost("/orders/{outTradeNo}/chargeback", async (string outTradeNo, HttpRequest request, PayerMaxStore store, ChargebackEngine chargebacks) =>
            {
                var (body, problem) = await ReadOptionalBodyAsync(request, DisputeBody.Empty);
                return body is null ? problem! : Open(outTradeNo, body, store, chargebacks);
            })
            .Accepts<DisputeBody>(isOptional: true, "application/json")
            .WithSummary("Opens a chargeback case (DISPUTE_INQUIRY) on a paid order, body optional: {\"reason\":\"FRAUD\",\"amount\":12.5 (major units; default the whole order),\"outcome\":\"won|lost\",\"decideAfterMinutes\":60}.");
        control.MapPost("/chargebacks/{caseId}/decide", async (string caseId, HttpRequest request, PayerMaxStore store, ChargebackEngine chargebacks) =>
            {
                var (body, problem) = await ReadBodyAsync<DecideBody>(request);
                if (body is null)
                {
                    return problem!;
                }

                var (outcome, invalid) = DisputeProblems.Read(body, allowCancel: true);
                if (outcome is not { } decided)
                {
                    return invalid!;
                }

                if (store.FindChargeback(caseId) is not { } chargeback)
                {
                    return NotFound("PayerMax chargeback case", caseId);
                }

                return chargebacks.Decide(chargeback, decided)
                    ? Results.Ok(ChargebackView.Of(chargeback))
                    : DisputeProblems.Problem(StatusCodes.Status409Conflict, "chargeback_closed",
                        $"Case {chargeback.CaseId} is {chargeback.Status}{(chargeback.Result is { } result ? $" ({result})" : "")}.");
            })
            .Accepts<DecideBody>("application/json")
            .WithSummary("Decides an open case now: {\"outcome\":\"won|lost|cancelled\"} (DISPUTE_END and CASE_CLOSED with WIN or FAIL, or CASE_CANCEL).");
    }

    private static IResult Open(string outTradeNo, DisputeBody body, PayerMaxStore store, ChargebackEngine chargebacks)
    {
        if (store.Find(outTradeNo) is not { } order)
        {
            return NotFound("PayerMax order", outTradeNo);
        }

        var (outcome, after, invalid) = body.Decision();
        if (invalid is not null)
        {
            return invalid;
        }

        var reason = body.Reason ?? DefaultReason;
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 64)
        {
            return DisputeProblems.BadRequest("invalid_reason", "reason is 1 to 64 characters.");
        }

        var amount = order.AmountMinor;
        if (body.Amount is { } major && (!PayerMaxMoney.TryToMinor(major, order.Currency, out amount) || amount > order.AmountMinor))
        {
            return DisputeProblems.BadRequest("invalid_amount",
                $"amount is a positive number of {order.Currency} in major units, at most {PayerMaxMoney.Decimals(order.Currency)} decimals and at most the order's {PayerMaxMoney.Display(order.AmountMinor, order.Currency)}.");
        }

        var (chargeback, refusal) = chargebacks.Open(order, amount, reason);
        if (chargeback is null)
        {
            return DisputeProblems.Problem(StatusCodes.Status409Conflict, order.Status == PaymentStatus.Success ? "chargeback_not_allowed" : "order_not_paid", refusal!);
        }

        if (outcome is { } decided)
        {
            chargebacks.DecideLater(chargeback, decided, after);
        }

        return Results.Ok(ChargebackView.Of(chargeback));
    }
}

/// <summary>A chargeback case as the control API lists it; the amount in major units, as PayerMax writes it.</summary>
internal sealed record ChargebackView(
    string CaseId,
    string OutTradeNo,
    string TradeToken,
    string Status,
    string? CaseResult,
    decimal Amount,
    string Currency,
    string Reason,
    DateTimeOffset OpenedAt,
    DateOnly ExpirationDate)
{
    public static ChargebackView Of(PayerMaxChargeback chargeback) => new(
        chargeback.CaseId,
        chargeback.Order.OutTradeNo,
        chargeback.Order.TradeToken,
        chargeback.Status,
        chargeback.Result,
        PayerMaxMoney.ToMajor(chargeback.AmountMinor, chargeback.Currency),
        chargeback.Currency,
        chargeback.Reason,
        chargeback.OpenedAt,
        chargeback.ExpirationDate);
}
