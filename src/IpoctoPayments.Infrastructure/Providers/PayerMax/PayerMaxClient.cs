using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>Calls PayerMax's gateway: builds the envelope, signs the exact body, verifies the signed answer.</summary>
internal sealed class PayerMaxClient(HttpClient http, PayerMaxSignature signature, IOptions<PayerMaxOptions> options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<PayerMaxResponse<OrderAndPayResult>> OrderAndPayAsync(OrderAndPayData data, CancellationToken cancellationToken) =>
        CallAsync<OrderAndPayData, OrderAndPayResult>("orderAndPay", data, cancellationToken);

    public Task<PayerMaxResponse<OrderQueryResult>> OrderQueryAsync(string outTradeNo, CancellationToken cancellationToken) =>
        CallAsync<OrderQueryData, OrderQueryResult>("orderQuery", new OrderQueryData(outTradeNo), cancellationToken);

    public Task<PayerMaxResponse<RefundResult>> RefundAsync(RefundData data, CancellationToken cancellationToken) =>
        CallAsync<RefundData, RefundResult>("refund", data, cancellationToken);

    public Task<PayerMaxResponse<RefundQueryResult>> RefundQueryAsync(string outRefundNo, CancellationToken cancellationToken) =>
        CallAsync<RefundQueryData, RefundQueryResult>("refundQuery", new RefundQueryData(outRefundNo), cancellationToken);

    public Task<PayerMaxResponse<CaseSearchResult>> CaseSearchAsync(string caseId, CancellationToken cancellationToken) =>
        CallAsync<CaseSearchData, CaseSearchResult>("caseSearch", new CaseSearchData(caseId), cancellationToken);

    private async Task<PayerMaxResponse<TResult>> CallAsync<TData, TResult>(string apiName, TData data, CancellationToken cancellationToken)
        where TResult : class
    {
        var o = options.Value;
        var requestTime = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var body = JsonSerializer.SerializeToUtf8Bytes(new PayerMaxEnvelope<TData>(o.Version, o.KeyVersion, requestTime, o.AppId, o.MerchantNo, data), Json);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.BaseUrl.TrimEnd('/')}/{apiName}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("sign", signature.Sign(body));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException or ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new PayerMaxUnavailableException($"PayerMax {apiName} could not be reached.", exception);
        }

        using (response)
        {
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PayerMaxUnavailableException($"PayerMax {apiName} answered HTTP {(int)response.StatusCode}.");
            }

            var sign = response.Headers.TryGetValues("sign", out var values) ? values.FirstOrDefault() : null;
            if (!signature.Verify(answer, sign))
            {
                throw new PayerMaxUnavailableException($"PayerMax {apiName} answered without a valid signature.");
            }

            try
            {
                return JsonSerializer.Deserialize<PayerMaxResponse<TResult>>(answer, Json)
                    ?? throw new PayerMaxUnavailableException($"PayerMax {apiName} answered an empty body.");
            }
            catch (JsonException exception)
            {
                throw new PayerMaxUnavailableException($"PayerMax {apiName} answered a body that is not its envelope.", exception);
            }
        }
    }
}
