namespace IpoctoPayments.Domain.Ledger;

public enum LedgerAccountType
{
    /// <summary>
    /// What ipocto owes a customer: their prepaid balance. Credits raise it; only a dispute may take it below zero, and
    /// by no more than the disputes still open or lost.
    /// </summary>
    CustomerBalance = 1,
    /// <summary>What a provider holds for ipocto from captured payments, until settlement. Debits raise it.</summary>
    ProviderClearing = 2,
    /// <summary>One per currency; where a payment in one currency becomes a balance in another at the locked rate.</summary>
    ExchangePosition = 3,
    /// <summary>Money captured after its order closed, owned by nobody's balance until it is refunded or credited.</summary>
    LateCaptureSuspense = 4,
    /// <summary>One per currency; what customers spent of their balances on ipocto's services.</summary>
    Revenue = 5,
    /// <summary>One per provider and currency; what providers withdrew for disputes still open or lost.</summary>
    Disputes = 6,
}
