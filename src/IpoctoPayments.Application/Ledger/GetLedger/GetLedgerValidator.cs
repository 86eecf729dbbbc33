using FluentValidation;

namespace IpoctoPayments.Application.Ledger.GetLedger;

internal sealed class GetLedgerValidator : AbstractValidator<GetLedgerQuery>
{
    public GetLedgerValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).WithErrorCode("invalid_limit").WithMessage("The page size is 1 to 200.");

        // Postings are numbered from 1: a cursor below that is not one this API handed out.
        RuleFor(q => q.Before).GreaterThan(0L).OverridePropertyName("cursor").WithErrorCode("invalid_cursor").WithMessage("The cursor is the nextCursor of an earlier page.");
    }
}
