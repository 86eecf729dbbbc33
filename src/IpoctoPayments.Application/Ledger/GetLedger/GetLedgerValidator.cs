using FluentValidation;

namespace IpoctoPayments.Application.Ledger.GetLedger;

internal sealed class GetLedgerValidator : AbstractValidator<GetLedgerQuery>
{
    public GetLedgerValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).WithErrorCode("invalid_limit").WithMessage("The page size is 1 to 200.");
}
