using FluentValidation;

namespace IpoctoPayments.Application.Ledger.DebitBalance;

internal sealed class DebitBalanceValidator : AbstractValidator<DebitBalanceCommand>
{
    public DebitBalanceValidator()
    {
        RuleFor(c => c.Amount).NotEmpty().WithErrorCode("amount_required").WithMessage("Give the amount to debit, such as \"5.00\".");
        RuleFor(c => c.Currency).NotEmpty().WithErrorCode("currency_required").WithMessage("Give the amount's currency, the balance currency.");
        RuleFor(c => c.Reference)
            .Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 200 && !r.Any(char.IsControl))
            .WithErrorCode("invalid_reference").WithMessage("`reference` names what was bought: 1 to 200 characters, no control characters.");
        RuleFor(c => c.IdempotencyKey)
            .NotNull().WithErrorCode("invalid_idempotency_key").WithMessage("A debit needs an Idempotency-Key of 1 to 255 printable ASCII characters.");
    }
}
