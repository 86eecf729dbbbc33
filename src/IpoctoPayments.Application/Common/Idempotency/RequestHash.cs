using System.Security.Cryptography;
using System.Text;

namespace IpoctoPayments.Application.Common.Idempotency;

/// <summary>A stable fingerprint of a request's meaningful fields, to tell a true retry from a reused key.</summary>
public static class RequestHash
{
    /// <summary>A GUID that the same fields always give: the identity of what a caller's key names, across its retries.</summary>
    public static Guid Id(params IEnumerable<string?> fields) => new(Convert.FromHexString(Of(fields)).AsSpan(0, 16));

    public static string Of(params IEnumerable<string?> fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields.Select(f => f ?? "\u0000")))));
}
