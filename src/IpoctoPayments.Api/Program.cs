using IpoctoPayments.Api;

if (args is [MigrateCommand.Verb, .. var settings])
{
    return await MigrateCommand.RunAsync(settings);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPaymentsApi();

var app = builder.Build();
await app.UsePaymentsApiAsync();
await app.RunAsync();
return 0;

/// <summary>The API host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
