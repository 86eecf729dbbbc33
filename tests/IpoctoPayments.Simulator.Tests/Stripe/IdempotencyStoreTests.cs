using IpoctoPayments.Simulator.Stripe.Api;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class IdempotencyStoreTests
{
    [Fact]
    public void A_key_whose_first_request_is_still_running_answers_409()
    {
        var store = new IdempotencyStore();
        store.Begin("key", "POST /v1/refunds", "amount=1");

        var second = store.Begin("key", "POST /v1/refunds", "amount=1");

        Assert.Equal(409, second.Error?.Status);
        Assert.Equal("idempotency_error", second.Error?.Type);
    }

    [Fact]
    public void A_stored_server_error_is_replayed_but_a_client_error_frees_the_key()
    {
        var store = new IdempotencyStore();
        store.Begin("failed", "POST /v1/refunds", "amount=1");
        store.Complete("failed", new StoredAnswer(500, "{}", "req_1"));
        store.Begin("invalid", "POST /v1/refunds", "amount=1");
        store.Complete("invalid", new StoredAnswer(400, "{}", "req_2"));

        Assert.Equal(500, store.Begin("failed", "POST /v1/refunds", "amount=1").Replay?.Status);
        var retried = store.Begin("invalid", "POST /v1/refunds", "amount=2");
        Assert.Null(retried.Error);
        Assert.Null(retried.Replay);
    }

    [Fact]
    public void A_key_longer_than_255_characters_is_refused()
    {
        var claim = new IdempotencyStore().Begin(new string('k', 256), "POST /v1/refunds", "");

        Assert.Equal(400, claim.Error?.Status);
    }
}
