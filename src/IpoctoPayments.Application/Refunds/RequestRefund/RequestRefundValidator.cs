using FluentValidation;

namespace IpoctoPayments.Application.Refunds.RequestRefund;

internal sealed class RequestRefundValidator : AbstractValidator<RequestRefundCommand>
{
    public RequestRefundValidator()
    {
        RuleFor(c => c.Amount).NotEmpty().When(c => c.Amount is not null)
            .WithErrorCode("invalid_amount").WithMessage("Leave the amount out to refund everything, or give one such as \"5.00\".");
        RuleFor(c => c.IdempotencyKey)
            .Must(k => k!.Length is > 0 and <= 255 && k.All(ch => ch is >= '!' and <= '~')).When(c => c.IdempotencyKey is not null)
            .WithErrorCode("invalid_idempotency_key").WithMessage("An Idempotency-Key is 1 to 255 printable ASCII characters.");
    }
}
