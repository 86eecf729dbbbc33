using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>Wraps every command in one database transaction; queries run without one.</summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand or IOwnsItsUnitOfWork)
        {
            return next(message, cancellationToken);
        }

        return new ValueTask<TResponse>(unitOfWork.ExecuteAsync(ct => next(message, ct).AsTask(), cancellationToken));
    }
}
