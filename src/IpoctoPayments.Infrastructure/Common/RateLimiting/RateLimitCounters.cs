using System.Data.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.RateLimiting;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Common.RateLimiting;

/// <summary>
/// Counters as rows. Taking a permit is one statement that inserts the key's row, starts its count afresh in a newer
/// window, or adds one while the window has permits left; the rows it touched say whether this request got one.
/// </summary>
internal sealed class RateLimitCounters(PaymentsDbContext db, ILogger<RateLimitCounters> logger) : IRateLimitCounters
{
    public async Task<Permit> TakeAsync(string key, int limit, TimeSpan length, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = FixedWindow.Holding(now, length);
        int taken;
        try
        {
            taken = await db.Database.ExecuteSqlAsync(Take(key, limit, window.Start.ToUnixTimeMilliseconds()), cancellationToken);
        }
        catch (DbException exception)
        {
            // Closed, not open: letting requests through uncounted while the database is away would lift the limit for everyone.
            logger.LogWarning(exception, "The rate limit counter {Key} could not be reached; the request is refused", key);
            throw new AppException(new AppError(ErrorKind.Busy, "service_unavailable",
                "The service cannot take this request at the moment; nothing was done. Send it again shortly."));
        }

        return taken == 1 ? Permit.Granted : Permit.Refused(window.End - now);
    }

    /// <summary>
    /// The window only moves forward: an instance whose clock runs a little behind counts in the window the others
    /// have started rather than starting its own again.
    /// </summary>
    private FormattableString Take(string key, int limit, long windowStartMs)
    {
        if (db.Database.IsSqlServer())
        {
            // SQL Server has no ON CONFLICT; MERGE under HOLDLOCK keeps two first requests of a key from both inserting.
            return $"""
                MERGE rate_limit_windows WITH (HOLDLOCK) AS w
                USING (VALUES ({key}, {windowStartMs})) AS t ("Key", "WindowStartUnixMs")
                ON w."Key" = t."Key"
                WHEN MATCHED AND (w."WindowStartUnixMs" < t."WindowStartUnixMs" OR w."Taken" < {limit}) THEN
                    UPDATE SET "Taken" = CASE WHEN w."WindowStartUnixMs" < t."WindowStartUnixMs" THEN 1 ELSE w."Taken" + 1 END,
                        "WindowStartUnixMs" = CASE WHEN w."WindowStartUnixMs" < t."WindowStartUnixMs" THEN t."WindowStartUnixMs" ELSE w."WindowStartUnixMs" END
                WHEN NOT MATCHED THEN
                    INSERT ("Key", "WindowStartUnixMs", "Taken") VALUES (t."Key", t."WindowStartUnixMs", 1);
                """;
        }

        return $"""
            INSERT INTO rate_limit_windows ("Key", "WindowStartUnixMs", "Taken")
            VALUES ({key}, {windowStartMs}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Taken" = CASE WHEN rate_limit_windows."WindowStartUnixMs" < excluded."WindowStartUnixMs" THEN 1 ELSE rate_limit_windows."Taken" + 1 END,
                "WindowStartUnixMs" = CASE WHEN rate_limit_windows."WindowStartUnixMs" < excluded."WindowStartUnixMs" THEN excluded."WindowStartUnixMs" ELSE rate_limit_windows."WindowStartUnixMs" END
            WHERE rate_limit_windows."WindowStartUnixMs" < excluded."WindowStartUnixMs" OR rate_limit_windows."Taken" < {limit}
            """;
    }
}
