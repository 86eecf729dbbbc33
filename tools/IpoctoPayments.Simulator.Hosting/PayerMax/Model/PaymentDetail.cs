namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>How an order was paid: the method and, for cards, brand and last four digits only (never the number or CVV).</summary>
internal sealed record PaymentDetail(string PaymentMethodType, string? TargetOrg, CardInfo? CardInfo = null);

internal sealed record CardInfo(string CardOrg, string CardLast4, string Country);
