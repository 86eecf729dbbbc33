using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IpoctoPayments.Testing;

/// <summary>
/// A caller of the payment API — the console for a customer, support, billing, an admin — with the calls they make as
/// typed methods. It stays an <see cref="HttpClient"/> for what a test sends raw: malformed bodies, hostile paths.
/// </summary>
public sealed class PaymentsApiClient : HttpClient
{
    /// <summary>A client on <paramref name="handler"/> (an in-memory server's, or a real socket's when none is given).</summary>
    public PaymentsApiClient(Uri baseAddress, string? token, HttpMessageHandler? handler = null)
        : base(handler ?? new HttpClientHandler())
    {
        BaseAddress = baseAddress;
        if (token is not null)
        {
            DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The console's "Balance Top-up": the answer as it is, created or refused.</summary>
    public async Task<HttpResponseMessage> PostTopUpAsync(object request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topups") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(message);
    }

    /// <summary>Creates a top-up and asserts it was created (201); returns the console's view of it.</summary>
    public async Task<JsonElement> CreateTopUpAsync(object request, string? idempotencyKey = null)
    {
        using var response = await PostTopUpAsync(request, idempotencyKey);
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.Created);
    }

    public Task<JsonElement> TopUpAsync(string id) => this.GetFromJsonAsync<JsonElement>($"/api/v1/topups/{id}");

    /// <summary>The account's top-ups, newest first (the first page).</summary>
    public async Task<JsonElement[]> TopUpsAsync(int? limit = null) =>
        [.. (await this.GetFromJsonAsync<JsonElement>(limit is null ? "/api/v1/topups" : $"/api/v1/topups?limit={limit}")).GetProperty("items").EnumerateArray()];

    /// <summary>The available balance: amount and currency.</summary>
    public async Task<JsonElement> AvailableAsync() =>
        (await this.GetFromJsonAsync<JsonElement>("/api/v1/balance")).GetProperty("available");

    /// <summary>The available balance's amount, "12.34".</summary>
    public async Task<string> BalanceAsync() => (await AvailableAsync()).GetProperty("amount").GetString()!;

    /// <summary>One page of the balance's history, newest first.</summary>
    public Task<JsonElement> LedgerPageAsync(int? limit = null) =>
        this.GetFromJsonAsync<JsonElement>(limit is null ? "/api/v1/ledger" : $"/api/v1/ledger?limit={limit}");

    public async Task<JsonElement[]> LedgerAsync(int? limit = null) => [.. (await LedgerPageAsync(limit)).GetProperty("items").EnumerateArray()];

    /// <summary>"How much can I top up?": ipocto's limits and what the last 24 hours leave.</summary>
    public Task<JsonElement> TopUpLimitsAsync() => this.GetFromJsonAsync<JsonElement>("/api/v1/topups/limits");

    /// <summary>The methods of a country: those offered, and the others with the reason.</summary>
    public Task<JsonElement> PaymentMethodsAsync(string country, string? provider = null) =>
        this.GetFromJsonAsync<JsonElement>($"/api/v1/payment-methods?country={country}" + (provider is null ? "" : $"&provider={provider}"));

    /// <summary>Support's look-up of an order by the number the customer quotes; asserts it was found.</summary>
    public async Task<JsonElement> SupportOrderAsync(string orderNumber)
    {
        using var response = await GetAsync(new Uri($"/api/v1/support/orders/{Uri.EscapeDataString(orderNumber)}", UriKind.Relative));
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A refund of a top-up (the whole of what is left when <paramref name="amount"/> is null): the answer as it is.</summary>
    public async Task<HttpResponseMessage> PostRefundAsync(string topUpId, string? amount, string? idempotencyKey = null, string currency = "USD")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/topups/{topUpId}/refunds")
        {
            Content = JsonContent.Create(new { amount = amount is null ? null : (object)new { amount, currency } }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(request);
    }

    /// <summary>An admin's run of reconciliation, as its background job runs it: the answer as it is.</summary>
    /// <summary>An admin's list of the open disputes on every account.</summary>
    public async Task<JsonElement[]> OpenDisputesAsync(int? limit = null) =>
        [.. (await this.GetFromJsonAsync<JsonElement>(limit is null ? "/api/v1/disputes" : $"/api/v1/disputes?limit={limit}")).GetProperty("items").EnumerateArray()];

    public Task<HttpResponseMessage> PostDisputeEvidenceAsync(string disputeId, string? text) =>
        this.PostAsJsonAsync($"/api/v1/disputes/{disputeId}/evidence", new { text });

    public Task<HttpResponseMessage> PostDisputeAcceptAsync(string disputeId) => PostAsync(new Uri($"/api/v1/disputes/{disputeId}/accept", UriKind.Relative), null);

    public Task<HttpResponseMessage> PostReconciliationRunAsync() => PostAsync(new Uri("/api/v1/reconciliation/runs", UriKind.Relative), null);

    /// <summary>Billing's debit of an account's balance, with the body exactly as given: the answer as it is.</summary>
    public async Task<HttpResponseMessage> PostDebitAsync(string account, string body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DebitsPath(account)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(request);
    }

    public Task<HttpResponseMessage> PostDebitAsync(string account, string amount, string reference, string? idempotencyKey) =>
        PostDebitAsync(account, DebitBody(amount, reference), idempotencyKey);

    /// <summary>The body of a debit: an amount (in the balance currency unless told) for what was bought.</summary>
    public static string DebitBody(string amount, string reference, string currency = "USD") =>
        JsonSerializer.Serialize(new { amount = new { amount, currency }, reference });

    public Task<HttpResponseMessage> GetDebitAsync(string account, string debitId) =>
        GetAsync(new Uri($"{DebitsPath(account)}/{debitId}", UriKind.Relative));

    public Task<HttpResponseMessage> PostReversalAsync(string account, string debitId) =>
        PostAsync(new Uri($"{DebitsPath(account)}/{debitId}/reversal", UriKind.Relative), null);

    public static string DebitsPath(string account) => $"/api/v1/accounts/{account}/debits";
}
