namespace IpoctoPayments.Domain.Ledger;

/// <summary>The business event a posting records; with the order (and refund) it forms the posting's unique key.</summary>
public enum PostingKind
{
    /// <summary>A paid top-up (or a late capture kept by policy) credited to the balance: once per order.</summary>
    TopUpCredit = 1,
    /// <summary>The balance debited when a refund is requested.</summary>
    RefundDebit = 2,
    /// <summary>A failed refund put back: the mirror of the refund posting it corrects.</summary>
    RefundReversal = 3,
    /// <summary>Money captured after its order closed, held in suspense.</summary>
    LateCaptureHold = 4,
    /// <summary>A late capture sent back to the customer's card or wallet.</summary>
    LateCaptureRefund = 5,
    /// <summary>ipocto's billing spent part of the balance on its services: once per debit id.</summary>
    BillingDebit = 6,
    /// <summary>A billing debit cancelled: the mirror of the debit, so the balance gets the money back.</summary>
    BillingDebitReversal = 7,
    /// <summary>A chargeback: the disputed credit taken from the balance, which may go below zero by it, once per dispute.</summary>
    DisputeWithdrawal = 8,
    /// <summary>A dispute won: the withdrawal's mirror, once per dispute.</summary>
    DisputeReinstatement = 9,
}
