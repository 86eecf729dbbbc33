using FluentValidation;

namespace IpoctoPayments.Application.Disputes.SubmitDisputeEvidence;

internal sealed class SubmitDisputeEvidenceValidator : AbstractValidator<SubmitDisputeEvidenceCommand>
{
    /// <summary>Stripe's limit for a dispute's uncategorized text.</summary>
    public const int MaxLength = 20_000;

    public SubmitDisputeEvidenceValidator() =>
        RuleFor(c => c.Text)
            .NotEmpty().WithErrorCode("invalid_evidence").WithMessage("Give the evidence as text: what was sold, to whom, and why the payment is genuine.")
            .MaximumLength(MaxLength).WithErrorCode("invalid_evidence").WithMessage($"The evidence is longer than {MaxLength} characters.")
            .Must(text => text is null || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r')))
            .WithErrorCode("invalid_evidence").WithMessage("The evidence holds control characters; only line breaks are allowed.");
}
