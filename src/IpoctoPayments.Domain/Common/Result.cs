namespace IpoctoPayments.Domain.Common;

/// <summary>Either a value or the <see cref="DomainError"/> that prevented it; bad input is an answer, not an exception.</summary>
public sealed class Result<T>
{
    private readonly T? value;

    internal Result(T value) => this.value = value;

    internal Result(DomainError error) => Error = error;

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess ? value! : throw new InvalidOperationException($"No value: {Error!.Code}: {Error.Message}");

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(DomainError error) => new(error);

    public Result<TNext> Then<TNext>(Func<T, Result<TNext>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return IsSuccess ? next(value!) : new Result<TNext>(Error!);
    }
}
