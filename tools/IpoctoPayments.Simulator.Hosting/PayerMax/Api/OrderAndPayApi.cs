using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>orderAndPay</c> with <c>integrate: Hosted_Checkout</c>: validates the order, stores it, answers the cashier URL.</summary>
internal sealed partial class OrderAndPayApi(
    PayerMaxStore store,
    PaymentEngine engine,
    SimulatorIds ids,
    TimeProvider clock,
    IOptions<SimulatorOptions> options) : IGatewayApi
{
    public static readonly TimeSpan MinExpiry = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromHours(24);

    public string Name => "orderAndPay";

    public GatewayReply Handle(RequestData data, HttpContext http)
    {
        var outTradeNo = data.Required("outTradeNo", 64);
        if (!OutTradeNoPattern().IsMatch(outTradeNo))
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "outTradeNo may contain only letters, digits and underscores.");
        }

        if (data.Required("integrate", 16) != "Hosted_Checkout")
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "integrate must be Hosted_Checkout.");
        }

        var subject = data.Required("subject", 256);
        var amount = data.RequiredValue("totalAmount");
        var currency = data.Required("currency", 3);
        var userId = data.Required("userId", 64);
        var frontCallbackUrl = data.Required("frontCallbackUrl", 1024);
        if (!Uri.TryCreate(frontCallbackUrl, UriKind.Absolute, out _))
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "frontCallbackUrl must be an absolute URL.");
        }

        var notifyUrl = data.Optional("notifyUrl", 256);
        if (notifyUrl is not null && !RequestData.IsWebUrl(notifyUrl))
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "notifyUrl must start with http:// or https://.");
        }

        var detail = data.OptionalObject("paymentDetail");
        var methodType = detail?.Optional("paymentMethodType", 16);
        var targetOrg = detail?.Optional("targetOrg", 16);
        if (targetOrg is not null && methodType is null)
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "paymentDetail.paymentMethodType is required when paymentDetail.targetOrg is set.");
        }

        var countryCode = data.Optional("country", 2);
        if (methodType is not null && countryCode is null)
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "country is required when paymentDetail.paymentMethodType is set.");
        }

        var country = CountryFor(countryCode, currency);
        if (!PayerMaxMoney.TryParseMinor(amount, currency, out var amountMinor))
        {
            throw new GatewayRejection(GatewayCodes.AmountInvalid,
                $"totalAmount must be a positive amount with at most {PayerMaxMoney.Decimals(currency)} decimals for {currency}.");
        }

        CheckMethodAndLimits(country, methodType, targetOrg, amountMinor);
        var expiry = Expiry(data.OptionalInteger("expireTime"));
        var now = clock.GetUtcNow();
        var request = new OrderRequest(outTradeNo, subject, amountMinor, country, userId, frontCallbackUrl, notifyUrl,
            data.Optional("reference", 512), data.Optional("language", 16), methodType, targetOrg);
        var tradeToken = ids.NextDigits("T" + now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), 14);
        var order = new PayerMaxOrder(request, tradeToken, ids.NextDigits("DMCP", 15), now, now + expiry);
        if (!store.TryAdd(order))
        {
            throw new GatewayRejection(GatewayCodes.OrderRepeat, $"outTradeNo {outTradeNo} already exists.");
        }

        engine.ScheduleExpiry(order);
        return GatewayReply.Success(new JsonObject
        {
            ["redirectUrl"] = PublicBaseUrl.Of(http.Request, options.Value) + PayerMaxUrls.Cashier(tradeToken),
            ["outTradeNo"] = order.OutTradeNo,
            ["tradeToken"] = tradeToken,
            ["status"] = order.Status,
        });
    }

    private static PayerMaxCountry CountryFor(string? countryCode, string currency)
    {
        if (countryCode is null)
        {
            return PayerMaxCatalogue.CountryOfCurrency(currency)
                ?? throw new GatewayRejection(GatewayCodes.CurrencyInvalid, $"currency {currency} is not supported.");
        }

        var country = PayerMaxCatalogue.FindCountry(countryCode)
            ?? throw new GatewayRejection(GatewayCodes.CountryInvalid, $"country {countryCode} is not supported.");
        return country.Currency == currency
            ? country
            : throw new GatewayRejection(GatewayCodes.CurrencyInvalid, $"currency {currency} is not supported in {country.Code}; use {country.Currency}.");
    }

    /// <summary>The preselected method must exist in the country; the amount must fit it (or, with none preselected, some method).</summary>
    private static void CheckMethodAndLimits(PayerMaxCountry country, string? methodType, string? targetOrg, long amountMinor)
    {
        var candidates = methodType is null ? country.Methods : [.. country.Methods.Where(m => m.Matches(methodType, targetOrg))];
        if (candidates.Count == 0)
        {
            throw new GatewayRejection(GatewayCodes.PaymentMethodNotExist,
                $"paymentMethodType {methodType}{(targetOrg is null ? "" : "/" + targetOrg)} is not available in {country.Code}.");
        }

        if (candidates.Any(m => m.Allows(amountMinor)))
        {
            return;
        }

        var belowAll = candidates.All(m => m.MinMinor is { } min && amountMinor < min);
        throw belowAll
            ? new GatewayRejection(GatewayCodes.AmountLimitMinimum, $"totalAmount is below the method's minimum ({Limit(candidates.Min(m => m.MinMinor), country)}).")
            : new GatewayRejection(GatewayCodes.AmountLimitMaximum, $"totalAmount is above the method's maximum ({Limit(candidates.Max(m => m.MaxMinor), country)}).");
    }

    private static string Limit(long? minor, PayerMaxCountry country) => minor is { } m ? PayerMaxMoney.Display(m, country.Currency) : "none";

    /// <summary>PayerMax clamps <c>expireTime</c> (seconds) to 30 min … 24 h; without it the order closes after 30 min.</summary>
    private static TimeSpan Expiry(long? seconds)
    {
        if (seconds is not { } s)
        {
            return MinExpiry;
        }

        var requested = TimeSpan.FromSeconds(Math.Min(s, (long)MaxExpiry.TotalSeconds));
        return requested < MinExpiry ? MinExpiry : requested;
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex OutTradeNoPattern();
}
