using Mediator;

namespace IpoctoPayments.Application.Ledger.ReverseDebit;

/// <summary>Billing cancels a debit: the amount goes back on the balance, once however often it is asked.</summary>
public sealed record ReverseDebitCommand(string AccountId, Guid DebitId) : ICommand<DebitView>;
