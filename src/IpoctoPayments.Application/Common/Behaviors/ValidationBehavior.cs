using FluentValidation;
using IpoctoPayments.Application.Common.Errors;
using Mediator;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>Runs every validator of a message before its handler; a failure stops the message with all its errors.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new List<AppError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            errors.AddRange(result.Errors.Select(f => new AppError(ErrorKind.Invalid, f.ErrorCode, f.ErrorMessage, ToFieldName(f.PropertyName))));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return await next(message, cancellationToken);
    }

    // Fields are named as the API's JSON names them: camelCase, dotted paths.
    private static string ToFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
