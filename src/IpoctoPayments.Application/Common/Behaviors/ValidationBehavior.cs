using FluentValidation;
using FluentValidation.Results;
using IpoctoPayments.Application.Common.Errors;
using Mediator;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>Runs every validator of a message before its handler; a failure stops the message with all its errors.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(message, cancellationToken)).Errors);
        }

        RequestValidationException.ThrowIfAny(failures);
        return await next(message, cancellationToken);
    }
}
