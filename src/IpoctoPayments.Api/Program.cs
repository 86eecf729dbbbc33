using IpoctoPayments.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPaymentsApi();

var app = builder.Build();
await app.UsePaymentsApiAsync();
await app.RunAsync();

/// <summary>The API host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
