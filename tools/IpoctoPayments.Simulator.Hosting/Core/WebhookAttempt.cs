namespace IpoctoPayments.Simulator.Core;

/// <summary>One try at delivering a webhook: the receiver's status and the start of its answer, or why there was none.</summary>
public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? StatusCode, string? ResponseBody, string? Error, double DurationMs);
