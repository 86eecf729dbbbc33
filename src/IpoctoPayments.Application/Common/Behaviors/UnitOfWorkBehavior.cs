using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Application.Common.Telemetry;
using Mediator;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>
/// Wraps each command in one database transaction, except those that own their unit of work; queries run without one.
/// Metrics are published once it commits.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, PaymentsTelemetry telemetry) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand or IOwnsItsUnitOfWork)
        {
            return await next(message, cancellationToken);
        }

        var response = await unitOfWork.ExecuteAsync(
            ct =>
            {
                telemetry.Discard();
                return next(message, ct).AsTask();
            },
            cancellationToken);
        telemetry.Publish();
        return response;
    }
}
