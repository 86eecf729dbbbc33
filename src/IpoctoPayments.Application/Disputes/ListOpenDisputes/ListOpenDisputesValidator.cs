using FluentValidation;

namespace IpoctoPayments.Application.Disputes.ListOpenDisputes;

internal sealed class ListOpenDisputesValidator : AbstractValidator<ListOpenDisputesQuery>
{
    public const int MaxLimit = 200;

    public ListOpenDisputesValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit)
            .WithErrorCode("invalid_limit").WithMessage($"The list takes 1 to {MaxLimit} disputes.");
}
