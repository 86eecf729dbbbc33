namespace IpoctoPayments.Testing;

/// <summary>Forwards to a handler known only later: the simulator's webhooks go to an API host started after it.</summary>
internal sealed class LateBoundHandler : DelegatingHandler
{
    public HttpMessageHandler Target { set => InnerHandler = value; }
}
