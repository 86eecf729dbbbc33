namespace IpoctoPayments.Application.Common.Persistence;

/// <summary>
/// A command whose handler opens its unit of work itself, around its writes only: it calls a provider first, and no
/// database transaction (on SQLite, the one write lock) may stay open for as long as a provider takes to answer.
/// </summary>
public interface IOwnsItsUnitOfWork;
