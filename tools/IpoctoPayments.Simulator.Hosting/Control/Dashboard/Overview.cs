using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Model;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Control.Dashboard;

/// <summary>What the dashboard shows, read in one go. Amounts are in minor units with their currency.</summary>
internal sealed record Overview(
    DateTimeOffset Now,
    int PendingJobs,
    DateTimeOffset? NextDueAt,
    FaultSettings GlobalFaults,
    IReadOnlyDictionary<string, FaultSettings> TargetFaults,
    IReadOnlyList<WebhookListener> Listeners,
    IReadOnlyList<Overview.SessionRow> StripeSessions,
    IReadOnlyList<Overview.IntentRow> StripePaymentIntents,
    IReadOnlyList<Overview.OrderRow> PayerMaxOrders,
    IReadOnlyList<Overview.DeliveryRow> Deliveries)
{
    /// <summary>Enough of the receiver's answer to see why it refused; the whole body is at GET /_simulator/deliveries/{id}.</summary>
    public const int ExcerptLength = 300;

    public static Overview Of(StripeStore stripe, PayerMaxStore payerMax, WebhookOutbox outbox, SimulatorScheduler scheduler, FaultPlan faults, WebhookListeners listeners)
    {
        List<SessionRow> sessions;
        List<IntentRow> intents;
        lock (stripe.Gate)
        {
            sessions = [.. stripe.Sessions.Values.Select(s => new SessionRow(
                s.Id, s.Status, s.PaymentStatus, s.AmountTotal, s.Currency, s.PaymentIntentId, DateTimeOffset.FromUnixTimeSeconds(s.Created)))];
            intents = [.. stripe.PaymentIntents.Values.Select(i => new IntentRow(
                i.Id, i.Status, i.Amount, i.Currency, i.SessionId, i.LastPaymentError?.DeclineCode ?? i.LastPaymentError?.Code,
                i.LatestCharge?.AmountRefunded ?? 0, DateTimeOffset.FromUnixTimeSeconds(i.Created),
                stripe.Disputes.Values.LastOrDefault(d => d.PaymentIntentId == i.Id) is { } d ? new DisputeRow(d.Id, d.Status, d.Amount, !d.IsClosed) : null))];
        }

        var orders = payerMax.Orders.Select(o => new OrderRow(
            o.OutTradeNo, o.Status, o.AmountMinor, o.Currency, o.Request.Country.Code, o.Payment is { } p ? $"{p.PaymentMethodType} {p.TargetOrg}".Trim() : null,
            o.ResultCode, o.AwaitsLateCapture, o.AmountMinor - o.RefundableMinor, o.CreatedAt,
            o.Chargebacks is [.., var c] ? new DisputeRow(c.CaseId, c.Result is { } result ? $"{c.Status} {result}" : c.Status, c.AmountMinor, c.IsOpen) : null)).ToList();
        var deliveries = outbox.Deliveries.Select(d => new DeliveryRow(
            d.Id, d.Provider, d.EventType, d.EventId, d.Url, d.TargetKeys.Count > 0 ? d.TargetKeys[0] : null, d.Status, d.CreatedAt, d.NextAttemptAt, d.DuplicateOf, d.ListenerId,
            [.. d.Attempts.Select(a => new AttemptRow(a.Number, a.At, a.StatusCode, Excerpt(a.ResponseBody), a.Error, Math.Round(a.DurationMs, 1)))])).ToList();
        return new Overview(scheduler.Now, scheduler.Pending, scheduler.NextDueAt, faults.Global, faults.Targets, listeners.All, sessions, intents, orders, deliveries);
    }

    private static string? Excerpt(string? body) =>
        body is { Length: > ExcerptLength } ? string.Concat(body.AsSpan(0, ExcerptLength), "…") : body;

    internal sealed record SessionRow(string Id, string Status, string PaymentStatus, long Amount, string Currency, string? PaymentIntent, DateTimeOffset Created);

    internal sealed record IntentRow(
        string Id, string Status, long Amount, string Currency, string Session, string? LastError, long AmountRefunded, DateTimeOffset Created, DisputeRow? Dispute);

    internal sealed record OrderRow(
        string OutTradeNo, string Status, long Amount, string Currency, string Country, string? Method, string? ResultCode, bool AwaitsLateCapture, long AmountRefunded,
        DateTimeOffset Created, DisputeRow? Chargeback);

    /// <summary>The latest dispute (Stripe) or chargeback case (PayerMax) of a payment; open ones can still be decided.</summary>
    internal sealed record DisputeRow(string Id, string Status, long Amount, bool Open);

    internal sealed record AttemptRow(int Number, DateTimeOffset At, int? StatusCode, string? Body, string? Error, double DurationMs);

    internal sealed record DeliveryRow(
        string Id, string Provider, string EventType, string EventId, string Url, string? Target, DeliveryStatus Status, DateTimeOffset CreatedAt,
        DateTimeOffset? NextAttemptAt, string? DuplicateOf, string? Listener, IReadOnlyList<AttemptRow> Attempts);
}
