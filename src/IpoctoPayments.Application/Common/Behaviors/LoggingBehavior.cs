using System.Diagnostics;
using IpoctoPayments.Application.Common.Errors;
using Mediator;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>Logs each message's name, outcome and duration; never its content, which may hold provider payloads.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("{Message} handled in {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (AppException exception)
        {
            logger.LogInformation("{Message} refused with {Code} in {ElapsedMs:0.0} ms", name, exception.Error.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (RequestValidationException)
        {
            logger.LogInformation("{Message} failed validation", name);
            throw;
        }
    }
}
