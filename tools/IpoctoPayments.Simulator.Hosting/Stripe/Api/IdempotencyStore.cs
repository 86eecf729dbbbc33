using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>
/// Stripe's idempotency: the first answer for a key is kept and replayed; the same key on another endpoint or with
/// other parameters is refused; a key whose first request is still running answers 409. Answers to requests that
/// failed validation (4xx) are not kept, so the key can be used again.
/// </summary>
internal sealed class IdempotencyStore : ISimulatorState
{
    public const int MaxKeyLength = 255;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Claims a key for a request, or says why it cannot run: a stored answer to replay, or an error.</summary>
    public Claim Begin(string key, string endpoint, string fingerprint)
    {
        if (key.Length > MaxKeyLength)
        {
            return new Claim(null, StripeError.InvalidRequest($"Idempotency-Key must be at most {MaxKeyLength} characters long.", "Idempotency-Key"));
        }

        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                entries[key] = new Entry(endpoint, fingerprint, null);
                return new Claim(null, null);
            }

            if (!string.Equals(entry.Endpoint, endpoint, StringComparison.Ordinal))
            {
                return new Claim(null, StripeError.Idempotency(
                    $"Keys for idempotent requests can only be used for the same endpoint they were first used for ('{entry.Endpoint}'). Try using a key other than '{key}' if you meant to execute a different request."));
            }

            if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return new Claim(null, StripeError.Idempotency(
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."));
            }

            return entry.Answer is { } answer
                ? new Claim(answer, null)
                : new Claim(null, StripeError.Idempotency(
                    "There is currently another in-progress request using this idempotency key. Try again later.",
                    StatusCodes.Status409Conflict,
                    "idempotency_key_in_use"));
        }
    }

    public void Complete(string key, StoredAnswer answer)
    {
        lock (gate)
        {
            if (answer.Status is >= 400 and < 500)
            {
                entries.Remove(key);
            }
            else if (entries.TryGetValue(key, out var entry))
            {
                entries[key] = entry with { Answer = answer };
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal sealed record Claim(StoredAnswer? Replay, StripeError? Error);

    private sealed record Entry(string Endpoint, string Fingerprint, StoredAnswer? Answer);
}

internal sealed record StoredAnswer(int Status, string Body, string RequestId);
