using IpoctoPayments.Application.Common.Outbox;
using IpoctoPayments.Application.Refunds.SendRefund;
using IpoctoPayments.Application.TopUps;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Refunds;

/// <summary>Sends the refunds in the refund outbox, each under its own id as the provider's idempotency key.</summary>
public sealed class RefundDispatcher(IServiceScopeFactory scopes, IOptions<RefundDispatchOptions> options, TimeProvider clock, ILogger<RefundDispatcher> logger)
    : OutboxDispatcher<RefundToSend>(scopes, options.Value, clock, logger)
{
    public override string Name => "Refund dispatch";

    protected override ICommand SendCommand(RefundToSend message) => new SendRefundCommand(message.OrderId, message.RefundId);

    protected override IOutbox<RefundToSend> OutboxIn(IServiceProvider services) => services.GetRequiredService<IRefundOutbox>();
}
