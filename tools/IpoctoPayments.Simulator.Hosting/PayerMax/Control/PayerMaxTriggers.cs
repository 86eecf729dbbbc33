using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Api;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Control;

/// <summary>PayerMax's triggers: each places an order through orderAndPay's own checks and settles it.</summary>
internal sealed class PayerMaxTriggers(IEnumerable<IGatewayApi> gateway, PayerMaxStore store, PaymentEngine engine, ChargebackEngine chargebacks, FaultPlan faults, SimulatorIds ids)
    : ITriggerSource
{
    private const string Provider = ProviderNames.PayerMax;

    public IEnumerable<WebhookTrigger> Triggers =>
    [
        new("payment.success", Provider, "An order paid with the country's first method: a PAYMENT notification with SUCCESS.",
            (b, http) => Paid(Place(b, http))),
        new("payment.failed", Provider, "An order declined (declineCode, default PAYMENT_FAILED): a PAYMENT notification with FAILED.",
            (b, http) => Failed(b, http)),
        new("late-capture", Provider, "The bank-sync delay: the order is reported FAILED, then SUCCESS after delay (default 2 min).",
            (b, http) => LateCapture(b, http)),
        new("duplicate-delivery", Provider, "A paid order whose PAYMENT notification is delivered twice.",
            (b, http) => Duplicated(Place(b, http))),
        new("chargeback", Provider, "A paid order charged back in full: a chargeback notification with DISPUTE_INQUIRY.",
            (b, http) => ChargedBack(Place(b, http))),
    ];

    private PayerMaxOrder Place(TriggerBody body, HttpContext http)
    {
        var country = PayerMaxCatalogue.FindCountry(body.Country ?? "PH")
            ?? throw new TriggerRejection("invalid_country", $"Unknown country '{body.Country}'; see GET /_simulator/payermax/methods.");
        if (body.Currency is { } currency && !string.Equals(currency, country.Currency, StringComparison.OrdinalIgnoreCase))
        {
            throw new TriggerRejection("invalid_currency", $"{country.Code} pays in {country.Currency}, not {currency}.");
        }

        var amount = body.Amount ?? (PayerMaxMoney.Decimals(country.Currency) == 0 ? 500 : 50_000);
        if (amount <= 0)
        {
            throw new TriggerRejection("invalid_amount", "amount is a positive number of minor units.");
        }

        var outTradeNo = ids.NextDigits("TRIGGER", 12);
        var data = new JsonObject
        {
            ["outTradeNo"] = outTradeNo,
            ["integrate"] = "Hosted_Checkout",
            ["subject"] = "Balance top-up",
            ["totalAmount"] = PayerMaxWire.Amount(amount, country.Currency),
            ["currency"] = country.Currency,
            ["country"] = country.Code,
            ["userId"] = "simulator-trigger",
            ["frontCallbackUrl"] = "http://localhost/topups/done",
            ["notifyUrl"] = body.NotifyUrl,
        };
        try
        {
            using var document = JsonDocument.Parse(data.ToJsonString());
            gateway.Single(g => g.Name == "orderAndPay").Handle(new RequestData(document.RootElement), http);
        }
        catch (GatewayRejection rejection)
        {
            throw new TriggerRejection(rejection.Code, rejection.Message);
        }

        return store.Find(outTradeNo)!;
    }

    private TriggerOutcome Paid(PayerMaxOrder order)
    {
        engine.Succeed(order, PayerMaxControlApi.PaymentWith(order, PayerMaxControlApi.ChooseMethod(order, null)!));
        return Outcome(order);
    }

    private TriggerOutcome Failed(TriggerBody body, HttpContext http)
    {
        var code = body.DeclineCode ?? GatewayCodes.PaymentFailed;
        if (!PaymentFailures.Messages.ContainsKey(code))
        {
            throw new TriggerRejection("unknown_code", $"Unknown decline code {code}; use one of {string.Join(", ", PaymentFailures.Messages.Keys)}.");
        }

        var order = Place(body, http);
        engine.Fail(order, code);
        return Outcome(order);
    }

    private TriggerOutcome LateCapture(TriggerBody body, HttpContext http)
    {
        var delay = body.CheckedDelay();
        var order = Place(body, http);
        faults.SetTarget(order.OutTradeNo, new FaultSettings { BankSyncDelay = delay });
        return Paid(order) with { Note = $"The SUCCESS notification follows in {delay} on the simulator's clock (or POST /_simulator/clock/advance)." };
    }

    private TriggerOutcome Duplicated(PayerMaxOrder order)
    {
        faults.SetTarget(order.OutTradeNo, new FaultSettings { Webhooks = new WebhookFault { Duplicates = 1, Times = 1 } });
        return Paid(order);
    }

    private TriggerOutcome ChargedBack(PayerMaxOrder order)
    {
        var outcome = Paid(order);
        var (chargeback, refusal) = chargebacks.Open(order, order.AmountMinor, ChargebackControl.DefaultReason);
        if (chargeback is null)
        {
            // A bank-sync delay in force reports the order failed first: there is no paid order to charge back yet.
            throw new TriggerRejection("chargeback_not_allowed", refusal!);
        }

        var objects = new Dictionary<string, string>(outcome.Objects, StringComparer.Ordinal) { ["case"] = chargeback.CaseId };
        return outcome with { Objects = objects };
    }

    private static TriggerOutcome Outcome(PayerMaxOrder order) =>
        new(order.OutTradeNo, new Dictionary<string, string>(StringComparer.Ordinal) { ["order"] = order.OutTradeNo, ["trade_token"] = order.TradeToken });
}
