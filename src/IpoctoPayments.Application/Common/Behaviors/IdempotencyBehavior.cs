using System.Text.Json;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Common.Behaviors;

/// <summary>
/// Stripe's idempotency for every command that takes a caller's key: the first answer is kept with the key, and a retry
/// with the same key and request gets it again as it was; the same key with another request is refused (422), and so is
/// a retry while the first is still running (409). Only a finished command's answer is kept: a refused or failed one
/// frees the key, since it wrote nothing. Runs after validation, so invalid input never claims a key; checks the
/// key's own form, the same for every command.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(
    IIdempotencyKeys keys, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotentCommand { IdempotencyKey: { } key } command)
        {
            return await next(message, cancellationToken);
        }

        if (key.Length is 0 or > 255 || !key.All(ch => ch is >= '!' and <= '~'))
        {
            throw new RequestValidationException([new AppError(ErrorKind.Invalid, "invalid_idempotency_key",
                "An Idempotency-Key is 1 to 255 printable ASCII characters.", "idempotencyKey")]);
        }

        var now = clock.GetUtcNow();
        var claim = new KeyClaim(command.IdempotencyScope, key, typeof(TMessage).Name, RequestHash.Of(command.RequestFields), Guid.NewGuid(),
            now, now + options.Value.Lease, now + options.Value.KeyLifetime);
        if (await keys.ClaimAsync(claim, cancellationToken) is { } held)
        {
            return Replay(held, claim);
        }

        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            // Not cancelled with the request: the key must not stay held by a request that has gone.
            await keys.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        // The command has committed: keep its answer even if the caller has gone, for the retry it will send.
        try
        {
            await keys.CompleteAsync(claim, JsonSerializer.Serialize(response, Json), CancellationToken.None);
        }
#pragma warning disable CA1031 // the work is done and its answer stands; only keeping it for retries failed
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Until the claim's lease runs out a retry is told to wait (409); after it, the retry runs again and finds
            // what this request created under the same KeyedId.
            logger.LogWarning(exception, "The answer to {Operation} could not be kept with its idempotency key", claim.Operation);
        }

        return response;
    }

    private static TResponse Replay(HeldKey held, KeyClaim claim)
    {
        if (held.Operation != claim.Operation || held.RequestHash != claim.RequestHash)
        {
            throw AppException.Unprocessable(
                "idempotency_key_reused", "This Idempotency-Key was used with a different request; send a new key for a new request.");
        }

        if (held.Response is null)
        {
            throw AppException.Conflict(
                "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry once it has been answered.");
        }

        var first = JsonSerializer.Deserialize<TResponse>(held.Response, Json)!;
        return first is IReplayable<TResponse> replayable ? replayable.AsReplay() : first;
    }
}
