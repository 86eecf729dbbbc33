using Mediator;

namespace IpoctoPayments.Application.Reconciliation.FindTopUpsToReconcile;

/// <summary>The orders whose outcome may have been missed: awaiting past their payment window, recently closed, refunds in flight.</summary>
public sealed record FindTopUpsToReconcileQuery : IQuery<IReadOnlyList<Guid>>;
