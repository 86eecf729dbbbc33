using NetArchTest.Rules;
using static IpoctoPayments.Architecture.Tests.Layers;

namespace IpoctoPayments.Architecture.Tests;

/// <summary>DESIGN.md: modules use each other only through a module's public contract.</summary>
public sealed class ModuleRules
{
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
