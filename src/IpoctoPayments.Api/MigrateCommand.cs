using System.Data.Common;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Console;

namespace IpoctoPayments.Api;

/// <summary>
/// <c>dotnet IpoctoPayments.Api.dll migrate</c>: the deploy step that applies pending migrations once, before instances
/// start with <c>Database:MigrateOnStart=false</c>. It reads the API's configuration (appsettings, environment, command
/// line) but builds only the database, so a pipeline that holds the database's credentials and no other secret can run it.
/// </summary>
internal static class MigrateCommand
{
    public const string Verb = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddPaymentsDatabase(builder.Configuration);
            // Standard output carries the result alone, for the pipeline's log; what EF Core logs goes to standard error.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            await using var app = builder.Build();
            var run = await app.Services.MigrateAsync();
            Console.WriteLine(run.Applied.Count == 0
                ? $"{run.Database}: already up to date, no migration applied."
                : $"{run.Database}: applied {run.Applied.Count} migration(s):{string.Concat(run.Applied.Select(id => $"{Environment.NewLine}  {id}"))}");
            return 0;
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"Migration failed: {Reasons(exception)}");
            return 1;
        }
    }

    /// <summary>The message with those of the exceptions inside it: EF Core's "transient failure" says why only in the Npgsql one it wraps.</summary>
    private static string Reasons(Exception exception)
    {
        var reasons = new List<string>();
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            reasons.Add(inner.Message);
        }

        return string.Join(" ", reasons.Distinct());
    }
}
