using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Xunit;
using Xunit.Abstractions;

namespace IpoctoPayments.Acceptance.Runner;

/// <summary>
/// The test run as Reqnroll's generated code and xUnit adapter would drive it: started before the first scenario, each
/// scenario played step by step through a test runner, every feature released and the run ended (which writes the
/// HTML report and the messages) after the last.
/// </summary>
public sealed class FeatureRun : IAsyncLifetime
{
    private static readonly Assembly TestAssembly = typeof(FeatureRun).Assembly;

    public async Task InitializeAsync() => await TestRunnerManager.OnTestRunStartAsync(TestAssembly);

    public async Task DisposeAsync()
    {
        foreach (var feature in FeatureCatalog.Features)
        {
            await TestRunnerManager.ReleaseFeatureAsync(feature.Info, TestAssembly);
        }

        await TestRunnerManager.OnTestRunEndAsync(TestAssembly);
    }

    internal static async Task RunAsync(ScenarioSpec scenario, ITestOutputHelper output)
    {
        var feature = scenario.Feature.Info;
        var runner = TestRunnerManager.GetTestRunnerForAssembly(TestAssembly, featureHint: feature);
        try
        {
            if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature))
            {
                await runner.OnFeatureEndAsync();
            }

            if (runner.FeatureContext is null)
            {
                await runner.OnFeatureStartAsync(feature);
            }

            runner.OnScenarioInitialize(scenario.Info, scenario.Rule);
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);
            try
            {
                await runner.OnScenarioStartAsync();
                foreach (var step in scenario.Steps)
                {
                    await PlayAsync(runner, step);
                }

                await runner.CollectScenarioErrorsAsync();
            }
            finally
            {
                await runner.OnScenarioEndAsync();
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private static Task PlayAsync(ITestRunner runner, StepSpec step) => step.Type switch
    {
        PickleStepType.CONTEXT => runner.GivenAsync(step.Text, step.DocString, step.Table(), step.Keyword),
        PickleStepType.ACTION => runner.WhenAsync(step.Text, step.DocString, step.Table(), step.Keyword),
        PickleStepType.OUTCOME => runner.ThenAsync(step.Text, step.DocString, step.Table(), step.Keyword),
        _ => runner.AndAsync(step.Text, step.DocString, step.Table(), step.Keyword),
    };
}
