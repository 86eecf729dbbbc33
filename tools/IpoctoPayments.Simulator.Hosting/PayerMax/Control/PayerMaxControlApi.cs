using System.Text.Json;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;
using static IpoctoPayments.Simulator.Control.ControlApi;

namespace IpoctoPayments.Simulator.PayerMax.Control;

/// <summary><c>/_simulator/payermax</c>: read orders, refunds and chargebacks, and settle them without a browser.</summary>
internal static class PayerMaxControlApi
{
    public static void MapPayerMaxControl(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/_simulator/payermax").WithTags("PayerMax control");

        control.MapGet("/methods", () => PayerMaxCatalogue.Countries.Select(c => new
            {
                country = c.Code,
                c.Name,
                c.Currency,
                c.RefundsSupported,
                c.Inferred,
                methods = c.Methods.Select(m => new { key = m.Key, paymentMethodType = m.Type, targetOrg = m.TargetOrg, m.DisplayName, flow = m.Flow.ToString(), m.MinMinor, m.MaxMinor }),
            }))
            .WithSummary("The cashier's countries, currencies and local methods (limits in minor units).");
        control.MapGet("/orders", (PayerMaxStore store) => store.Orders.Select(OrderView.Of))
            .WithSummary("Every PayerMax order with its status, payment and refunds.");
        control.MapGet("/orders/{outTradeNo}", (string outTradeNo, PayerMaxStore store) =>
                store.Find(outTradeNo) is { } order ? Results.Ok(OrderView.Of(order)) : NotFound("PayerMax order", outTradeNo))
            .WithSummary("One PayerMax order.");

        control.MapPost("/orders/{outTradeNo}/complete", async (string outTradeNo, HttpRequest request, PayerMaxStore store, PaymentEngine engine) =>
                await WithPendingOrderAsync<CompleteOrderBody>(store, outTradeNo, request, (order, body) =>
                {
                    var method = ChooseMethod(order, body);
                    if (method is null)
                    {
                        return Problem(StatusCodes.Status400BadRequest, "unknown_method",
                            $"{body?.PaymentMethodType}/{body?.TargetOrg} is not a method of {order.Request.Country.Code}; see GET /_simulator/payermax/methods.");
                    }

                    engine.Succeed(order, PaymentWith(order, method));
                    return Results.Ok(OrderView.Of(order));
                }))
            .Accepts<CompleteOrderBody>(isOptional: true, "application/json")
            .WithSummary("Pays a pending order (body optional: {\"paymentMethodType\":\"WALLET\",\"targetOrg\":\"GCASH\"}); a bank-sync delay reports it FAILED first.");
        control.MapPost("/orders/{outTradeNo}/fail", async (string outTradeNo, HttpRequest request, PayerMaxStore store, PaymentEngine engine) =>
                await WithPendingOrderAsync<FailOrderBody>(store, outTradeNo, request, (order, body) =>
                {
                    var code = body?.Code ?? GatewayCodes.PaymentFailed;
                    if (!PaymentFailures.Messages.ContainsKey(code))
                    {
                        return Problem(StatusCodes.Status400BadRequest, "unknown_code",
                            $"Unknown decline code {code}; use one of {string.Join(", ", PaymentFailures.Messages.Keys)}.");
                    }

                    engine.Fail(order, code);
                    return Results.Ok(OrderView.Of(order));
                }))
            .Accepts<FailOrderBody>(isOptional: true, "application/json")
            .WithSummary("Declines a pending order with a PayerMax code (body optional: {\"code\":\"BALANCE_INSUFFICIENT\"}; default PAYMENT_FAILED).");
        control.MapPost("/orders/{outTradeNo}/pending", (string outTradeNo, PayerMaxStore store) =>
                WithPendingOrder(store, outTradeNo, order => Results.Ok(OrderView.Of(order))))
            .WithSummary("Leaves a pending order pending (409 if it is settled); it closes at its expiry unless settled first.");
        control.MapPost("/orders/{outTradeNo}/close", (string outTradeNo, PayerMaxStore store, PaymentEngine engine) =>
                WithPendingOrder(store, outTradeNo, order =>
                {
                    engine.Close(order, PaymentEngine.ExpiredMsg);
                    return Results.Ok(OrderView.Of(order));
                }))
            .WithSummary("Expires a pending order now: CLOSED, with its PAYMENT notification.");

        control.MapGet("/refunds", (PayerMaxStore store) => store.Refunds.Select(RefundView.Of))
            .WithSummary("Every PayerMax refund.");
        control.MapPost("/refunds/{outRefundNo}/succeed", (string outRefundNo, PayerMaxStore store, RefundEngine refunds) =>
                SettleRefund(store, refunds, outRefundNo, succeeded: true))
            .WithSummary("Settles a pending refund as REFUND_SUCCESS and notifies.");
        control.MapPost("/refunds/{outRefundNo}/fail", (string outRefundNo, PayerMaxStore store, RefundEngine refunds) =>
                SettleRefund(store, refunds, outRefundNo, succeeded: false))
            .WithSummary("Settles a pending refund as REFUND_FAILED and notifies.");

        control.MapChargebackControl();
    }

    private static IResult WithPendingOrder(PayerMaxStore store, string outTradeNo, Func<PayerMaxOrder, IResult> action)
    {
        if (store.Find(outTradeNo) is not { } order)
        {
            return NotFound("PayerMax order", outTradeNo);
        }

        return order.Status == PaymentStatus.Pending
            ? action(order)
            : Problem(StatusCodes.Status409Conflict, "order_not_pending", $"Order {order.OutTradeNo} is {order.Status}.");
    }

    /// <summary>Like <see cref="WithPendingOrder"/>, with an optional JSON body; a malformed one is a 400 problem, not an empty 400.</summary>
    private static async Task<IResult> WithPendingOrderAsync<TBody>(PayerMaxStore store, string outTradeNo, HttpRequest request, Func<PayerMaxOrder, TBody?, IResult> action)
        where TBody : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        TBody? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonSerializer.Deserialize<TBody>(text, JsonSerializerOptions.Web);
            }
            catch (JsonException exception)
            {
                return Problem(StatusCodes.Status400BadRequest, "invalid_body", $"The body is not valid JSON for this call: {exception.Message}");
            }
        }

        return WithPendingOrder(store, outTradeNo, order => action(order, body));
    }

    private static IResult SettleRefund(PayerMaxStore store, RefundEngine refunds, string outRefundNo, bool succeeded)
    {
        if (store.FindRefund(outRefundNo) is not { } refund)
        {
            return NotFound("PayerMax refund", outRefundNo);
        }

        return refunds.Settle(refund, succeeded)
            ? Results.Ok(RefundView.Of(refund))
            : Problem(StatusCodes.Status409Conflict, "refund_not_pending", $"Refund {refund.OutRefundNo} is {refund.Status}.");
    }

    /// <summary>What the customer paid with: the method, and for a card form a test card of the order's country.</summary>
    public static PaymentDetail PaymentWith(PayerMaxOrder order, PaymentMethod method) =>
        new(method.Type, method.TargetOrg, method.Flow == CashierFlow.CardForm ? new CardInfo("VISA", "1111", order.Request.Country.Code) : null);

    /// <summary>The method named in the body, else the order's first offered method.</summary>
    public static PaymentMethod? ChooseMethod(PayerMaxOrder order, CompleteOrderBody? body)
    {
        var methods = order.Request.Country.Methods;
        if (body?.PaymentMethodType is { } type)
        {
            return methods.FirstOrDefault(m => m.Matches(type, body.TargetOrg));
        }

        var offered = order.OfferedMethods;
        return offered.Count > 0 ? offered[0] : methods[0];
    }

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
