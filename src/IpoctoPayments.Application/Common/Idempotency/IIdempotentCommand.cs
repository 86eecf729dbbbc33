namespace IpoctoPayments.Application.Common.Idempotency;

/// <summary>
/// A command a caller may name with an <c>Idempotency-Key</c>: its first answer is kept, and a retry with the same key
/// and the same request gets that answer again (see <see cref="Behaviors.IdempotencyBehavior{TMessage, TResponse}"/>).
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>The caller's key; null sends the command without idempotency.</summary>
    string? IdempotencyKey { get; }

    /// <summary>Whose keys these are (an account, or the top-up an admin refunds): two callers' keys never meet.</summary>
    string IdempotencyScope { get; }

    /// <summary>The request's meaningful fields: the same key with other fields is another request, refused.</summary>
    IEnumerable<string?> RequestFields { get; }
}

/// <summary>
/// An answer that can say it was given before, for the API's <c>Idempotent-Replayed</c> header. <see cref="Replayed"/> is
/// kept out of the JSON: a replay's body is the first answer's, byte for byte.
/// </summary>
public interface IReplayable<out TSelf>
{
    bool Replayed { get; }

    TSelf AsReplay();
}

public static class IdempotentCommandExtensions
{
    /// <summary>
    /// The id of what a keyed request creates (an order, a refund, a debit), made of the key and the request: every retry
    /// names the same thing, and so does a retry whose key's answer was lost; a new request under an expired key, another.
    /// Null without a key.
    /// </summary>
    public static Guid? KeyedId(this IIdempotentCommand command, string kind)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.IdempotencyKey is { } key ? RequestHash.Id([kind, command.IdempotencyScope, key, .. command.RequestFields]) : null;
    }
}
