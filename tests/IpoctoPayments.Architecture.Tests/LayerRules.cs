using System.Reflection;
using NetArchTest.Rules;
using static IpoctoPayments.Architecture.Tests.Layers;

namespace IpoctoPayments.Architecture.Tests;

/// <summary>DESIGN.md: dependencies point inward, Api → Infrastructure → Application → Domain.</summary>
public sealed class LayerRules
{
    // The framework's own assemblies; anything else (a project, a NuGet package) is a reference the Domain must not have.
    private static readonly string[] BaseClassLibrary = ["System", "netstandard", "mscorlib", "Microsoft.CSharp", "Microsoft.VisualBasic", "Microsoft.Win32.Primitives"];

    private static readonly string[] ApplicationForbiddenNamespaces =
        ["Microsoft.EntityFrameworkCore", "Stripe", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data", "System.Net.Http", InfrastructureNamespace, ApiNamespace];

    private static readonly string[] ApplicationForbiddenAssemblies =
        ["Microsoft.EntityFrameworkCore", "Stripe.net", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data", "System.Net.Http", "IpoctoPayments.Infrastructure", "IpoctoPayments.Api"];

    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var references = DomainAssembly.GetReferencedAssemblies().Select(a => a.Name!);

        AssertNone(references.Where(name => !BaseClassLibrary.Any(bcl => name == bcl || name.StartsWith(bcl + ".", StringComparison.Ordinal))),
            "The Domain references no project and no package");
    }

    [Fact]
    public void Domain_types_do_not_depend_on_Application_Infrastructure_or_Api()
    {
        var result = Types.InAssembly(DomainAssembly).ShouldNot()
            .HaveDependencyOnAny(ApplicationNamespace, InfrastructureNamespace, ApiNamespace)
            .GetResult();

        AssertHolds(result, "Domain types depend on nothing outside the Domain");
    }

    [Fact]
    public void Application_does_not_depend_on_EF_Core_Stripe_AspNetCore_database_drivers_HTTP_Infrastructure_or_Api()
    {
        var result = Types.InAssembly(ApplicationAssembly).ShouldNot().HaveDependencyOnAny(ApplicationForbiddenNamespaces).GetResult();

        AssertHolds(result, "Application types use ports, not EF Core, Stripe.net, ASP.NET Core, database drivers, HttpClient, Infrastructure or Api");
    }

    [Fact]
    public void Application_assembly_does_not_reference_EF_Core_Stripe_AspNetCore_database_drivers_HTTP_Infrastructure_or_Api()
    {
        var references = ApplicationAssembly.GetReferencedAssemblies().Select(a => a.Name!);

        AssertNone(references.Where(name => ApplicationForbiddenAssemblies.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal))),
            "The Application assembly references none of the packages that live in Infrastructure or Api");
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_Api()
    {
        var result = Types.InAssembly(InfrastructureAssembly).ShouldNot().HaveDependencyOn(ApiNamespace).GetResult();

        AssertHolds(result, "Infrastructure types do not use Api types");
        AssertNone(InfrastructureAssembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n == "IpoctoPayments.Api"),
            "The Infrastructure assembly does not reference the Api assembly");
    }

    [Theory]
    [InlineData("IpoctoPayments.Api")]
    [InlineData("IpoctoPayments.Infrastructure")]
    [InlineData("IpoctoPayments.Application")]
    [InlineData("IpoctoPayments.Domain")]
    public void Production_assemblies_do_not_reference_the_simulator(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        AssertNone(assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(IsSimulatorAssembly),
            $"{assemblyName} never references the simulator; only the Sandbox, the bench and the tests do");
        AssertHolds(Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(SimulatorNamespace).GetResult(),
            $"{assemblyName} types do not use simulator types");
    }
}
