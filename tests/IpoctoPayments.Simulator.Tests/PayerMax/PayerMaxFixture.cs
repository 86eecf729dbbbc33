using IpoctoPayments.Simulator.PayerMax;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

/// <summary>
/// A fresh <see cref="SimulatorFixture"/> per test, given a simulator PayerMax key made once per run: an RSA-2048
/// key takes about half a second to generate, which would otherwise dominate every test.
/// </summary>
internal static class PayerMaxFixture
{
    private static readonly Lazy<string> SimulatorPrivateKey = new(() => PayerMaxKeys.GeneratePair().PrivateKey);

    /// <summary>A private key that is not the merchant's: what an impostor would sign with.</summary>
    public static string ForeignPrivateKey => SimulatorPrivateKey.Value;

    public static Task<SimulatorFixture> StartAsync() =>
        SimulatorFixture.StartAsync(new Dictionary<string, string?> { ["Simulator:PayerMax:PrivateKey"] = SimulatorPrivateKey.Value });
}
