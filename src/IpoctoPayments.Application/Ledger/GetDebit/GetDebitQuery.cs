using Mediator;

namespace IpoctoPayments.Application.Ledger.GetDebit;

public sealed record GetDebitQuery(string AccountId, Guid DebitId) : IQuery<DebitView>;
