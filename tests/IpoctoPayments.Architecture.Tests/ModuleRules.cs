using NetArchTest.Rules;
using static IpoctoPayments.Architecture.Tests.Layers;

namespace IpoctoPayments.Architecture.Tests;

/// <summary>DESIGN.md: modules use each other only through a module's public contract.</summary>
public sealed class ModuleRules
{
    /// <summary>
    /// Which Application module may use which. The ledger and the payment-method catalogue stand alone; a top-up uses
    /// both (it is priced by the catalogue and credited on the ledger) and owns what applies a provider's event to it —
    /// the inbox that makes each event count once and the outbox of refunds to send. Everything else works on top-ups:
    /// refunds send their money back, webhooks and reconciliation bring the providers' events, support reads timelines,
    /// disputes send operators' answers to the providers.
    /// Common is shared by all and uses no module. No two modules use each other.
    /// </summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Common", [] },
        { "Ledger", [] },
        { "PaymentMethods", [] },
        { "TopUps", ["Ledger", "PaymentMethods"] },
        { "Refunds", ["TopUps", "Ledger", "PaymentMethods"] },
        { "Webhooks", ["TopUps"] },
        { "Reconciliation", ["TopUps"] },
        { "Support", ["TopUps"] },
        { "Disputes", ["TopUps"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_application_module_uses_only_the_modules_it_is_allowed(string module, string[] allowed)
    {
        var modules = ApplicationTypes
            .Select(t => t.Namespace?.Split('.') is [_, "Application", var name, ..] ? name : null)
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.Equal(Allowed.Select(row => (string)row[0]).Order(), modules.Order());
        var forbidden = modules.Where(m => m != module && m != "Common" && !allowed.Contains(m)).Select(m => $"IpoctoPayments.Application.{m}").ToArray();

        var result = Types.InAssembly(ApplicationAssembly).That().ResideInNamespace($"IpoctoPayments.Application.{module}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        AssertHolds(result, $"Application.{module} uses only {(allowed.Length == 0 ? "no other module" : string.Join(", ", allowed))}");
    }

    private static readonly string[] LedgerContract = ["IpoctoPayments.Application.Ledger.ILedger", "IpoctoPayments.Application.Ledger.StatementLine"];

    [Fact]
    public void Application_TopUps_Refunds_and_Webhooks_use_the_Ledger_module_only_through_ILedger()
    {
        // Every Ledger type except the contract, by full name, so that the contract itself stays usable.
        var ledgerInternals = ApplicationTypes
            .Where(t => t.Namespace is { } ns && (ns == "IpoctoPayments.Application.Ledger" || ns.StartsWith("IpoctoPayments.Application.Ledger.", StringComparison.Ordinal)))
            .Select(t => t.FullName!.Replace('+', '/'))
            .Where(name => !LedgerContract.Contains(name))
            .ToArray();
        Assert.NotEmpty(ledgerInternals);

        var result = Types.InAssembly(ApplicationAssembly).That()
            .ResideInNamespace("IpoctoPayments.Application.TopUps")
            .Or().ResideInNamespace("IpoctoPayments.Application.Refunds")
            .Or().ResideInNamespace("IpoctoPayments.Application.Webhooks")
            .ShouldNot().HaveDependencyOnAny(ledgerInternals)
            .GetResult();

        AssertHolds(result, "TopUps, Refunds and Webhooks post to the ledger through ILedger, never through the Ledger module's other types");
    }

    [Fact]
    public void Infrastructure_TopUps_and_Webhooks_do_not_use_the_ledger_tables()
    {
        var result = Types.InAssembly(InfrastructureAssembly).That()
            .ResideInNamespace("IpoctoPayments.Infrastructure.TopUps")
            .Or().ResideInNamespace("IpoctoPayments.Infrastructure.Webhooks")
            .ShouldNot().HaveDependencyOn("IpoctoPayments.Infrastructure.Ledger")
            .GetResult();

        AssertHolds(result, "The ledger's tables are its own: TopUps and Webhooks persistence does not touch them");
    }
}
