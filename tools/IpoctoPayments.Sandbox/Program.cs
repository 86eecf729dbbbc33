namespace IpoctoPayments.Sandbox;

/// <summary><c>dotnet run --project tools/IpoctoPayments.Sandbox [--urls http://127.0.0.1:PORT]</c>.</summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        await using var sandbox = await SandboxHost.StartAsync(args);
        Console.WriteLine(sandbox.Describe());
        await sandbox.WaitForShutdownAsync();
    }
}
