namespace IpoctoPayments.Api.Common;

/// <summary>Answers of commands that take an <c>Idempotency-Key</c>: a replay is the first answer, marked as Stripe marks it.</summary>
internal static class IdempotentResults
{
    public static IResult Created<T>(HttpContext context, string location, T body, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created(location, body);
    }
}
