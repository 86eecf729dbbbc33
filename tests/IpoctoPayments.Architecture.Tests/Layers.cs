using System.Reflection;
using NetArchTest.Rules;

namespace IpoctoPayments.Architecture.Tests;

/// <summary>The production assemblies, by a public type of each, and what a rule's result says when it fails.</summary>
internal static class Layers
{
    public const string DomainNamespace = "IpoctoPayments.Domain";
    public const string ApplicationNamespace = "IpoctoPayments.Application";
    public const string InfrastructureNamespace = "IpoctoPayments.Infrastructure";
    public const string ApiNamespace = "IpoctoPayments.Api";
    public const string SimulatorNamespace = "IpoctoPayments.Simulator";

    /// <summary>The simulator's assemblies: every one named after it (its library) and the ipocto-sim tool.</summary>
    public static bool IsSimulatorAssembly(string name) =>
        name.StartsWith(SimulatorNamespace, StringComparison.Ordinal) || name == "ipocto-sim";

    public static Assembly DomainAssembly { get; } = typeof(IpoctoPayments.Domain.Common.Money).Assembly;

    public static Assembly ApplicationAssembly { get; } = typeof(IpoctoPayments.Application.DependencyInjection).Assembly;

    public static Assembly InfrastructureAssembly { get; } = typeof(IpoctoPayments.Infrastructure.DependencyInjection).Assembly;

    public static IReadOnlyList<Type> ApplicationTypes { get; } = ApplicationAssembly.GetTypes();

    public static void AssertHolds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}. Breaking: {string.Join(", ", result.FailingTypeNames ?? [])}");

    public static void AssertNone(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{rule}. Breaking: {string.Join(", ", list)}");
    }
}
