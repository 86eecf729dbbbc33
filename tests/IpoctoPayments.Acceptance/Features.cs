using IpoctoPayments.Acceptance.Runner;
using Xunit;
using Xunit.Abstractions;

namespace IpoctoPayments.Acceptance;

/// <summary>Every scenario of features/*.feature, one test case each, named "Feature: Scenario (example values)".</summary>
[TestCaseOrderer(FileOrder.TypeName, FileOrder.AssemblyName)]
public sealed class Features(ITestOutputHelper output) : IClassFixture<FeatureRun>
{
    public static TheoryData<ScenarioCase> Scenarios()
    {
        var data = new TheoryData<ScenarioCase>();
        foreach (var scenario in FeatureCatalog.Scenarios)
        {
            data.Add(new ScenarioCase(scenario));
        }

        return data;
    }

    [Theory(DisplayName = "Scenario")]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return FeatureRun.RunAsync(scenario.Scenario, output);
    }
}
