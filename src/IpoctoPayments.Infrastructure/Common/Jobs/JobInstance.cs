namespace IpoctoPayments.Infrastructure.Common.Jobs;

/// <summary>
/// This process's name in the job leases: host and process id, so an operator reading <c>job_leases</c> can tell which
/// instance holds what, and a random part, so a restarted process with a reused id is not taken for its predecessor.
/// </summary>
internal sealed class JobInstance
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
