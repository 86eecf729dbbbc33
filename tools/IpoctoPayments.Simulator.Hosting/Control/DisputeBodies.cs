namespace IpoctoPayments.Simulator.Control;

/// <summary>How a dispute or chargeback case ends when the control API decides it.</summary>
internal enum DisputeOutcome
{
    Won,
    Lost,

    /// <summary>PayerMax only: the case is withdrawn (<c>CASE_CANCEL</c>).</summary>
    Cancelled,
}

/// <summary>Body of "dispute this payment"; every field has a default.</summary>
/// <param name="Reason">Stripe: one of its dispute reasons (default fraudulent). PayerMax: free text (default FRAUD).</param>
/// <param name="Amount">Stripe: minor units, as Stripe's amounts. PayerMax: major units, as PayerMax's amounts. Default: the whole payment.</param>
/// <param name="Outcome">won or lost: the case is decided that way after <paramref name="DecideAfterMinutes"/>; absent, it stays open.</param>
/// <param name="DecideAfterMinutes">Minutes on the simulator's clock until the outcome applies (default 60).</param>
internal sealed record DisputeBody(string? Reason, decimal? Amount, string? Outcome, int? DecideAfterMinutes)
{
    public const int DefaultDecideAfterMinutes = 60;

    public static DisputeBody Empty { get; } = new(null, null, null, null);

    /// <summary>The outcome to apply later and when; a problem when they do not fit.</summary>
    public (DisputeOutcome? Outcome, TimeSpan After, IResult? Problem) Decision()
    {
        if (DecideAfterMinutes is < 0)
        {
            return (null, default, DisputeProblems.BadRequest("invalid_decide_after", "decideAfterMinutes cannot be negative."));
        }

        var after = TimeSpan.FromMinutes(DecideAfterMinutes ?? DefaultDecideAfterMinutes);
        if (Outcome is null)
        {
            return DecideAfterMinutes is null
                ? (null, after, null)
                : (null, after, DisputeProblems.BadRequest("invalid_outcome", "decideAfterMinutes needs an outcome (won or lost)."));
        }

        return DisputeProblems.Parse(Outcome, allowCancel: false) is { } outcome
            ? (outcome, after, null)
            : (null, after, DisputeProblems.BadRequest("invalid_outcome", $"Unknown outcome '{Outcome}': use won or lost."));
    }
}

/// <summary>Body of "decide this case now".</summary>
/// <param name="Outcome">won or lost; PayerMax also takes cancelled.</param>
internal sealed record DecideBody(string? Outcome);

internal static class DisputeProblems
{
    public static DisputeOutcome? Parse(string? outcome, bool allowCancel) => outcome?.ToLowerInvariant() switch
    {
        "won" => DisputeOutcome.Won,
        "lost" => DisputeOutcome.Lost,
        "cancelled" when allowCancel => DisputeOutcome.Cancelled,
        _ => null,
    };

    /// <summary>The outcome of a decide body, or the 400 naming what it takes.</summary>
    public static (DisputeOutcome? Outcome, IResult? Problem) Read(DecideBody body, bool allowCancel) =>
        Parse(body.Outcome, allowCancel) is { } outcome
            ? (outcome, null)
            : (null, BadRequest("invalid_outcome", $"Unknown outcome '{body.Outcome}': use won{(allowCancel ? ", lost or cancelled" : " or lost")}."));

    public static IResult BadRequest(string code, string detail) => Problem(StatusCodes.Status400BadRequest, code, detail);

    public static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
