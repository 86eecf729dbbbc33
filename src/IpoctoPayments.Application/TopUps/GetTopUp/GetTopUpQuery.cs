using Mediator;

namespace IpoctoPayments.Application.TopUps.GetTopUp;

/// <summary>One of the account's top-ups; another account's is "not found", never "forbidden".</summary>
public sealed record GetTopUpQuery(string AccountId, Guid TopUpId) : IQuery<TopUpView>;
