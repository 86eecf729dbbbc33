using FluentValidation;

namespace IpoctoPayments.Application.TopUps.ListTopUps;

internal sealed class ListTopUpsValidator : AbstractValidator<ListTopUpsQuery>
{
    public const int MaxLimit = 100;

    public ListTopUpsValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit)
            .WithErrorCode("invalid_limit").WithMessage($"The page size is 1 to {MaxLimit}.");
}
