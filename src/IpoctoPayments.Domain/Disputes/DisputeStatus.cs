namespace IpoctoPayments.Domain.Disputes;

/// <summary>Where a cardholder's dispute stands, in the order a dispute moves: each state is later than the one above.</summary>
public enum DisputeStatus
{
    /// <summary>Opened by the bank; the merchant may answer with evidence until the deadline.</summary>
    NeedsResponse = 1,

    /// <summary>Evidence submitted; the bank is deciding.</summary>
    UnderReview = 2,

    /// <summary>Decided for the merchant (or the case was cancelled, or an inquiry closed): the money comes back.</summary>
    Won = 3,

    /// <summary>Decided for the cardholder, or accepted by the merchant: the money stays withdrawn.</summary>
    Lost = 4,
}
