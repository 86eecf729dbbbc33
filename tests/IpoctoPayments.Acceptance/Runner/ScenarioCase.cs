using Xunit.Abstractions;

namespace IpoctoPayments.Acceptance.Runner;

/// <summary>
/// A theory row that names one scenario (or Scenario Outline row). Serializable, so xUnit lists each as its own test case,
/// displayed as "Feature: Scenario (column: value, ...)".
/// </summary>
public sealed class ScenarioCase : IXunitSerializable
{
    private string id = "";

    public ScenarioCase()
    {
    }

    internal ScenarioCase(ScenarioSpec scenario) => id = scenario.Id;

    internal ScenarioSpec Scenario => FeatureCatalog.Find(id);

    /// <summary>The position in the run: features in file-name order, scenarios in file order.</summary>
    internal int Ordinal => FeatureCatalog.Scenarios.ToList().FindIndex(s => s.Id == id);

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        id = info.GetValue<string>(nameof(id));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(id), id);
    }

    public override string ToString() => Scenario.DisplayName;
}
