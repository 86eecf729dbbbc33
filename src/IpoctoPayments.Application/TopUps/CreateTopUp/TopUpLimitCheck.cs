using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.TopUps.CreateTopUp;

/// <summary>ipocto's own limits on a top-up, whatever its method: per top-up, and per account in any 24 hours.</summary>
internal sealed class TopUpLimitCheck(IDailyTopUpLimit daily, IUnitOfWork unitOfWork, TopUpLimits limits)
{
    public TopUpLimits Limits => limits;

    /// <summary>Refuses an amount below the minimum or above the maximum of one top-up.</summary>
    public void CheckPerTopUp(Money amount)
    {
        if (amount.MinorUnits < limits.MinimumPerTopUp.MinorUnits)
        {
            throw AppException.Unprocessable("amount_below_minimum",
                $"A top-up must be at least {limits.MinimumPerTopUp}; enter {limits.MinimumPerTopUp} or more.", "amount");
        }

        if (amount.MinorUnits > limits.MaximumPerTopUp.MinorUnits)
        {
            throw AppException.Unprocessable("amount_above_maximum",
                $"A top-up can be at most {limits.MaximumPerTopUp}; enter {limits.MaximumPerTopUp} or less, and top up the rest in another top-up.", "amount");
        }
    }

    /// <summary>Reserves the amount against the account's 24 hours in a unit of work of its own, or refuses it with what is left.</summary>
    public async Task ReserveAsync(AccountId account, Guid orderId, Money amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await unitOfWork.ExecuteAsync(ct => daily.ReserveAsync(account, orderId, amount, limits, now, ct), cancellationToken) is not { } left)
        {
            return;
        }

        var whatToDo = left.IsZero
            ? "nothing is left now; top up again once your earlier top-ups are more than 24 hours old."
            : $"{left} is left now; enter {left} or less, or top up the rest once your earlier top-ups are more than 24 hours old.";
        throw new AppException(new AppError(ErrorKind.Unprocessable, "daily_limit_reached",
            $"An account can top up at most {limits.MaximumPerDay} in 24 hours, counting top-ups paid or awaiting payment; {whatToDo}", "amount")
        {
            Extensions = new Dictionary<string, object> { ["remaining"] = MoneyView.From(left) },
        });
    }

    public Task ReleaseAsync(Guid orderId) => daily.ReleaseAsync(orderId, CancellationToken.None);
}
