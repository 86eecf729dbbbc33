namespace IpoctoPayments.Domain.Support;

/// <summary>What happened to an order, as support reads it.</summary>
public enum TimelineEntryKind
{
    Created = 1,
    Redirected = 2,
    AttemptDeclined = 3,
    Paid = 4,
    Failed = 5,
    Expired = 6,
    Cancelled = 7,
    LateCapture = 8,
    LateCaptureCredited = 9,
    RefundRequested = 10,
    RefundConfirmed = 11,
    RefundFailed = 12,
    DuplicateEventIgnored = 13,
    StaleEventIgnored = 14,
    DisputeOpened = 15,
    DisputeUnderReview = 16,
    DisputeWon = 17,
    DisputeLost = 18,
    DisputeEvidenceSubmitted = 19,
    DisputeAccepted = 20,
}
