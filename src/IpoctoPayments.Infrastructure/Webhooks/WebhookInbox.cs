using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Webhooks;

internal sealed class WebhookInbox(PaymentsDbContext db) : IEventInbox
{
    // Asked on every webhook.
    private static readonly CompiledQuery<Func<PaymentsDbContext, string, string, CancellationToken, Task<bool>>> Stored = new(() =>
        EF.CompileAsyncQuery((PaymentsDbContext context, string provider, string eventId, CancellationToken _) =>
            context.Set<InboxRecord>().Any(i => i.Provider == provider && i.EventId == eventId)));

    public async Task<bool> ContainsAsync(PaymentProvider provider, string eventId, CancellationToken cancellationToken)
    {
        var name = provider.ToString();
        return db.Set<InboxRecord>().Local.Any(i => i.Provider == name && i.EventId == eventId)
            || await Stored.For(db)(db, name, eventId, cancellationToken);
    }

    public void Add(InboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        db.Set<InboxRecord>().Add(new InboxRecord
        {
            Provider = entry.Provider.ToString(),
            EventId = entry.EventId,
            EventType = entry.EventType,
            OrderId = entry.OrderId,
            Outcome = entry.Outcome,
            ReceivedAt = entry.ReceivedAt,
        });
    }

    public async Task<IReadOnlyList<InboxEntry>> ForOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var records = await db.Set<InboxRecord>().AsNoTracking().Where(i => i.OrderId == orderId).ToListAsync(cancellationToken);
        return [.. records
            .OrderBy(r => r.ReceivedAt)
            .Select(r => new InboxEntry(Enum.Parse<PaymentProvider>(r.Provider), r.EventId, r.EventType, r.OrderId, r.Outcome, r.ReceivedAt))];
    }
}
