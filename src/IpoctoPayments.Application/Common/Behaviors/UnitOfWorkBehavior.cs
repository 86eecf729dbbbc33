using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Application.Common.Telemetry;
using Mediator;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>
/// Wraps each command in one database transaction, except those that own their unit of work; queries run without one.
/// Metrics are published once the command's writes have committed.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, PaymentsTelemetry telemetry) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        if (message is IOwnsItsUnitOfWork)
        {
            // Its writes have committed by the time it answers: what it recorded is published then.
            var answer = await next(message, cancellationToken);
            telemetry.Publish();
            return answer;
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
