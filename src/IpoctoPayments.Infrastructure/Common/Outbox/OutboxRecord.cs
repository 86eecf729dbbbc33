namespace IpoctoPayments.Infrastructure.Common.Outbox;

/// <summary>A provider call recorded and not yet made. Times are Unix milliseconds: compared the same way on every engine.</summary>
internal abstract class OutboxRecord
{
    /// <summary>The message's id, the same on every send: what it names at the provider.</summary>
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    /// <summary>When the call may be made (again).</summary>
    public long DueAtUnixMs { get; set; }

    /// <summary>Until when one instance holds it; null or past: free to lease.</summary>
    public long? LeasedUntilUnixMs { get; set; }

    /// <summary>Sends that failed because the provider could not be reached; the wait before the next doubles with each.</summary>
    public int FailedAttempts { get; set; }

    public string? LastFailure { get; set; }

    public long CreatedAtUnixMs { get; set; }
}
