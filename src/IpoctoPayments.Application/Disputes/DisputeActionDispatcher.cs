using IpoctoPayments.Application.Common.Outbox;
using IpoctoPayments.Application.Disputes.SendDisputeAction;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Disputes;

/// <summary>Sends the operators' answers to disputes in the dispute outbox, each under a key derived from the answer.</summary>
public sealed class DisputeActionDispatcher(IServiceScopeFactory scopes, IOptions<DisputeDispatchOptions> options, TimeProvider clock, ILogger<DisputeActionDispatcher> logger)
    : OutboxDispatcher<DisputeActionToSend>(scopes, options.Value, clock, logger)
{
    public override string Name => "Dispute answer dispatch";

    protected override ICommand SendCommand(DisputeActionToSend message) => new SendDisputeActionCommand(message);

    protected override IOutbox<DisputeActionToSend> OutboxIn(IServiceProvider services) => services.GetRequiredService<IDisputeActionOutbox>();
}
