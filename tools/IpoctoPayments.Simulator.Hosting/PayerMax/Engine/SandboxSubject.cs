namespace IpoctoPayments.Simulator.PayerMax.Engine;

internal enum ForcedResult
{
    Success,
    Failed,
    Pending,
}

/// <summary>PayerMax's sandbox chooser: an order whose <c>subject</c> is SUCCESS, FAILED or PENDING gets that result whatever is paid with.</summary>
internal static class SandboxSubject
{
    public static ForcedResult? ResultOf(string subject) => subject switch
    {
        "SUCCESS" => ForcedResult.Success,
        "FAILED" => ForcedResult.Failed,
        "PENDING" => ForcedResult.Pending,
        _ => null,
    };
}
