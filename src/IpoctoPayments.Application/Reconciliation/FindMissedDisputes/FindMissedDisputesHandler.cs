using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Reconciliation.FindMissedDisputes;

/// <summary>Answers what it applied, in words for the run's report; a dispute already applied meets the inbox and is not mentioned.</summary>
internal sealed class FindMissedDisputesHandler(
    IPaymentGateways gateways,
    IMediator mediator,
    PaymentsTelemetry telemetry,
    IOptions<ReconciliationOptions> options,
    ILogger<FindMissedDisputesHandler> logger,
    TimeProvider clock) : ICommandHandler<FindMissedDisputesCommand, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(FindMissedDisputesCommand command, CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            var since = clock.GetUtcNow() - options.Value.DisputeLookback;
            var disputes = await ProviderFailures.AskAsync(provider, "the dispute list", () => gateways.For(provider).ListDisputesAsync(since, cancellationToken));
            foreach (var dispute in disputes)
            {
                // Dated when the dispute opened: one of another integration's payments is then acknowledged once it is
                // past waiting for its payment, instead of being asked about again every pass.
                var reported = ProviderEvent.DisputeReported(provider, dispute.Report, null, dispute.PaymentIntentId, dispute.OpenedAt);
                var outcome = await mediator.Send(new ApplyProviderEventCommand(reported), cancellationToken);
                telemetry.ReconciliationAction(provider, "dispute", StatusNames.Of(outcome));
                telemetry.Publish();
                if (outcome == EventOutcome.Applied)
                {
                    var action = $"provider lists dispute {dispute.Report.ProviderDisputeId} {StatusNames.Of(dispute.Report.Status)}: applied";
                    logger.LogInformation("Reconciliation: {Action}", action);
                    applied.Add(action);
                }
            }
        }

        return applied;
    }
}
