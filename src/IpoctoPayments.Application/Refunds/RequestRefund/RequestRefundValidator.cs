using FluentValidation;

namespace IpoctoPayments.Application.Refunds.RequestRefund;

internal sealed class RequestRefundValidator : AbstractValidator<RequestRefundCommand>
{
    public RequestRefundValidator()
    {
        RuleFor(c => c.Amount).NotEmpty().When(c => c.Amount is not null)
            .WithErrorCode("invalid_amount").WithMessage("Leave the amount out to refund everything, or give one such as \"5.00\".");
    }
}
