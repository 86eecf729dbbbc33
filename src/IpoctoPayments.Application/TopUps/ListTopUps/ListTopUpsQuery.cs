using Mediator;

namespace IpoctoPayments.Application.TopUps.ListTopUps;

/// <summary>The account's top-ups, newest first; pass the last page's <see cref="TopUpPage.NextCursor"/> as <see cref="After"/>.</summary>
public sealed record ListTopUpsQuery(string AccountId, Guid? After, int Limit = 20) : IQuery<TopUpPage>;

public sealed record TopUpPage(IReadOnlyList<TopUpView> Items, Guid? NextCursor);
