using IpoctoPayments.Acceptance.Runner;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.ErrorHandling;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using Xunit.Abstractions;

[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]

namespace IpoctoPayments.Acceptance.Runner;

/// <summary>
/// What Reqnroll's xUnit adapter would register (it is not served here): the "xunit" unit-test provider, and a trace
/// listener that writes each step to the scenario's xUnit output, so a failing test shows how far it got.
/// </summary>
public sealed class XunitRuntimePlugin : IRuntimePlugin
{
    public const string ProviderName = "xunit";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}

/// <summary>A pending, inconclusive or ignored scenario fails its test with Reqnroll's message (xUnit v2 cannot skip at run time).</summary>
internal sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PendingScenarioException(message);

    public void TestInconclusive(string message) => throw new PendingScenarioException($"Inconclusive: {message}");

    public void TestIgnore(string message) => throw new PendingScenarioException($"Ignored: {message}");

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => null;
}

internal sealed class XunitTraceListener(ITraceListenerQueue queue, IObjectContainer container) : AsyncTraceListener(queue, container)
{
    private readonly Lazy<IContextManager> contexts = new(container.Resolve<IContextManager>);

    public override void WriteTestOutput(string message)
    {
        if (Output() is { } output)
        {
            output.WriteLine(message);
        }
        else
        {
            base.WriteTestOutput(message);
        }
    }

    public override void WriteToolOutput(string message)
    {
        if (Output() is { } output)
        {
            output.WriteLine("-> " + message);
        }
        else
        {
            base.WriteToolOutput(message);
        }
    }

    private ITestOutputHelper? Output()
    {
        var scenario = contexts.Value.ScenarioContext;
        return scenario is not null && scenario.ScenarioContainer.IsRegistered<ITestOutputHelper>()
            ? scenario.ScenarioContainer.Resolve<ITestOutputHelper>()
            : null;
    }
}
