namespace IpoctoPayments.Simulator.Core;

/// <summary>In-memory state that the control API's reset clears.</summary>
public interface ISimulatorState
{
    void Reset();
}
