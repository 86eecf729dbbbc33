using Xunit.Abstractions;
using Xunit.Sdk;

namespace IpoctoPayments.Acceptance.Runner;

/// <summary>Runs the scenarios feature by feature in file order, so each feature starts and ends once in the report.</summary>
public sealed class FileOrder : ITestCaseOrderer
{
    public const string TypeName = "IpoctoPayments.Acceptance.Runner.FileOrder";
    public const string AssemblyName = "IpoctoPayments.Acceptance";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethodArguments?.FirstOrDefault() is ScenarioCase scenario ? scenario.Ordinal : int.MaxValue);
}
