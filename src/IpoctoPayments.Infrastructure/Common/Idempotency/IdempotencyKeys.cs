using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Common.Idempotency;

/// <summary>
/// Keys as rows. A claim is one statement that inserts the key, or takes it over where it has expired or its request
/// stopped without answering; the rows it touched say whether this request got it. Completing and freeing are
/// conditional on the claim's token, so a request that lost its key to a takeover changes nothing.
/// </summary>
internal sealed class IdempotencyKeys(PaymentsDbContext db) : IIdempotencyKeys, IExpiringRows
{
    private static readonly CompiledQuery<Func<PaymentsDbContext, string, string, CancellationToken, Task<HeldKey?>>> ByKey = new(() =>
        EF.CompileAsyncQuery((PaymentsDbContext context, string scope, string key, CancellationToken _) =>
            context.Set<IdempotencyKeyRecord>().AsNoTracking()
                .Where(r => r.Scope == scope && r.Key == key)
                .Select(r => new HeldKey(r.Operation, r.RequestHash, r.Response))
                .FirstOrDefault()));

    public async Task<HeldKey?> ClaimAsync(KeyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        // A key freed between the claim and the read is claimed again; a free key is taken at once, so three tries are plenty.
        for (var attempt = 1; ; attempt++)
        {
            if (await db.Database.ExecuteSqlAsync(Claim(claim), cancellationToken) == 1)
            {
                return null;
            }

            if (await ByKey.For(db)(db, claim.Scope, claim.Key, cancellationToken) is { } held)
            {
                return held;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"Idempotency key {claim.Key} could be neither claimed nor read.");
            }
        }
    }

    public async Task CompleteAsync(KeyClaim claim, string response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var token = Token(claim);
        await db.Set<IdempotencyKeyRecord>()
            .Where(r => r.Scope == claim.Scope && r.Key == claim.Key && r.ClaimToken == token)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Response, response).SetProperty(x => x.LockedUntilUnixMs, (long?)null), cancellationToken);
    }

    public async Task ReleaseAsync(KeyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var token = Token(claim);
        await db.Set<IdempotencyKeyRecord>()
            .Where(r => r.Scope == claim.Scope && r.Key == claim.Key && r.ClaimToken == token && r.Response == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return await db.Set<IdempotencyKeyRecord>().Where(r => r.ExpiresAtUnixMs <= nowMs).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Token(KeyClaim claim) => claim.Token.ToString("N");

    /// <summary>
    /// Inserts the key, or takes over one that has expired or whose request stopped (its lease ran out) without answering —
    /// the latter only for the same request, as another request under that key is refused, not run.
    /// </summary>
    private FormattableString Claim(KeyClaim claim)
    {
        var (scope, key, operation, hash, token) = (claim.Scope, claim.Key, claim.Operation, claim.RequestHash, Token(claim));
        var (at, nowMs, lockedMs, expiresMs) = (claim.At, claim.At.ToUnixTimeMilliseconds(), claim.LockedUntil.ToUnixTimeMilliseconds(), claim.ExpiresAt.ToUnixTimeMilliseconds());
        if (db.Database.IsSqlServer())
        {
            // SQL Server has no ON CONFLICT; MERGE under HOLDLOCK keeps two first claims from both inserting.
            return $"""
                MERGE idempotency_keys WITH (HOLDLOCK) AS k
                USING (VALUES ({scope}, {key})) AS c ("Scope", "Key")
                ON k."Scope" = c."Scope" AND k."Key" = c."Key"
                WHEN MATCHED AND (k."ExpiresAtUnixMs" <= {nowMs}
                    OR (k."Response" IS NULL AND k."LockedUntilUnixMs" <= {nowMs} AND k."Operation" = {operation} AND k."RequestHash" = {hash})) THEN
                    UPDATE SET "Operation" = {operation}, "RequestHash" = {hash}, "CreatedAt" = {at}, "ClaimToken" = {token},
                        "LockedUntilUnixMs" = {lockedMs}, "ExpiresAtUnixMs" = {expiresMs}, "Response" = NULL
                WHEN NOT MATCHED THEN
                    INSERT ("Scope", "Key", "Operation", "RequestHash", "CreatedAt", "ClaimToken", "LockedUntilUnixMs", "ExpiresAtUnixMs")
                    VALUES ({scope}, {key}, {operation}, {hash}, {at}, {token}, {lockedMs}, {expiresMs});
                """;
        }

        return $"""
            INSERT INTO idempotency_keys ("Scope", "Key", "Operation", "RequestHash", "CreatedAt", "ClaimToken", "LockedUntilUnixMs", "ExpiresAtUnixMs")
            VALUES ({scope}, {key}, {operation}, {hash}, {at}, {token}, {lockedMs}, {expiresMs})
            ON CONFLICT ("Scope", "Key") DO UPDATE SET "Operation" = excluded."Operation", "RequestHash" = excluded."RequestHash",
                "CreatedAt" = excluded."CreatedAt", "ClaimToken" = excluded."ClaimToken", "LockedUntilUnixMs" = excluded."LockedUntilUnixMs",
                "ExpiresAtUnixMs" = excluded."ExpiresAtUnixMs", "Response" = NULL
            WHERE idempotency_keys."ExpiresAtUnixMs" <= {nowMs}
                OR (idempotency_keys."Response" IS NULL AND idempotency_keys."LockedUntilUnixMs" <= {nowMs}
                    AND idempotency_keys."Operation" = excluded."Operation" AND idempotency_keys."RequestHash" = excluded."RequestHash")
            """;
    }
}
