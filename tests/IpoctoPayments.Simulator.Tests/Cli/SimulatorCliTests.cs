using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpoctoPayments.Simulator.Cli;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;

namespace IpoctoPayments.Simulator.Tests.Cli;

public sealed partial class SimulatorCliTests
{
    private const string ForwardTo = "http://localhost:5080/webhooks/stripe";

    [Fact]
    public async Task Trigger_makes_the_simulator_create_the_event_and_send_its_signed_webhook()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await SimulatorCli.RunAsync(
            ["trigger", "checkout.session.completed", "--simulator", "http://localhost", "--amount", "1500"], output, errors, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();

        Assert.Equal(0, exit);
        Assert.Contains("Triggered checkout.session.completed (stripe): checkout_session cs_test_", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"webhook checkout.session.completed [evt_", output.ToString(), StringComparison.Ordinal);
        var received = sim.Receiver.Received.Single(w => w.Body.Contains("\"checkout.session.completed\"", StringComparison.Ordinal));
        var stripeEvent = EventUtility.ConstructEvent(received.Body, received.Header("Stripe-Signature"), SimulatorFixture.StripeWebhookSecret);
        Assert.Equal(1500, ((global::Stripe.Checkout.Session)stripeEvent.Data.Object).AmountTotal);
        var delivery = Assert.Single(sim.Service<WebhookOutbox>().Deliveries, d => d.EventType == "checkout.session.completed");
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
    }

    [Fact]
    public async Task Trigger_of_a_payermax_event_places_an_order_and_notifies()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var output = new StringWriter();

        var exit = await SimulatorCli.RunAsync(["trigger", "payment.failed", "--decline-code", "BALANCE_INSUFFICIENT"], output, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();

        Assert.Equal(0, exit);
        var notification = JsonDocument.Parse(Assert.Single(sim.Receiver.Received).Body).RootElement;
        Assert.Equal("PAYMENT", notification.GetProperty("notifyType").GetString());
        Assert.Equal("BALANCE_INSUFFICIENT", notification.GetProperty("code").GetString());
        Assert.Contains("webhook PAYMENT [TRIGGER", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_lists_the_dispute_triggers_of_both_providers_and_runs_the_payermax_chargeback()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var list = new StringWriter();
        using var output = new StringWriter();

        var listed = await SimulatorCli.RunAsync(["trigger"], list, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        var exit = await SimulatorCli.RunAsync(["trigger", "chargeback", "--amount", "12345"], output, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();

        Assert.Equal(0, listed);
        Assert.Matches(@"(?m)^stripe\s+charge\.dispute\.created\s", list.ToString());
        Assert.Matches(@"(?m)^payermax\s+chargeback\s", list.ToString());
        Assert.Equal(0, exit);
        Assert.Matches(@"Triggered chargeback \(payermax\): order TRIGGER\d{12}, trade_token T\d+, case O\d{26}", output.ToString());
        Assert.Contains("webhook CHARGEBACK [O", output.ToString(), StringComparison.Ordinal);
        var notification = JsonDocument.Parse(sim.Receiver.Received.Single(w => w.Body.Contains("\"caseId\"", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("123.45", notification.GetProperty("data").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Listen_forwards_each_webhook_signed_with_its_own_secret_and_prints_the_receivers_answer()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var output = new StringWriter();
        var listen = new ListenCommand(sim.Http, output, TextWriter.Null);

        Assert.True(await listen.StartAsync(ForwardTo, "stripe", [], CancellationToken.None));
        await SimulatorCli.RunAsync(["trigger", "checkout.session.completed"], TextWriter.Null, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();
        await listen.PollAsync(CancellationToken.None);

        var secret = SigningSecret().Match(output.ToString()).Value;
        var forwarded = sim.Receiver.Received.Where(w => w.Url.AbsoluteUri == ForwardTo).ToList();
        Assert.Equal(2, forwarded.Count);
        var events = forwarded.Select(w => EventUtility.ConstructEvent(w.Body, w.Header("Stripe-Signature"), secret)).ToList();
        var completed = events.Single(e => e.Type == "checkout.session.completed");
        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, l => l.EndsWith($"--> checkout.session.completed [{completed.Id}]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($"<--  [200] POST {ForwardTo} checkout.session.completed [{completed.Id}]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listen_prints_each_new_attempt_once_and_stops_its_copies_when_it_ends()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Receiver.Respond = w => w.Url.AbsoluteUri == ForwardTo ? (System.Net.HttpStatusCode.InternalServerError, "{}") : (System.Net.HttpStatusCode.OK, "{}");
        using var output = new StringWriter();
        var listen = new ListenCommand(sim.Http, output, TextWriter.Null);
        await listen.StartAsync(ForwardTo, "stripe", ["checkout.session.completed"], CancellationToken.None);
        await SimulatorCli.RunAsync(["trigger", "checkout.session.completed"], TextWriter.Null, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();
        await listen.PollAsync(CancellationToken.None);

        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        await listen.PollAsync(CancellationToken.None);
        await listen.StopAsync();
        await SimulatorCli.RunAsync(["trigger", "checkout.session.completed"], TextWriter.Null, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Single(lines, l => l.Contains("--> checkout.session.completed", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("<--  [500] POST", StringComparison.Ordinal)));
        Assert.Equal(2, sim.Receiver.Received.Count(w => w.Url.AbsoluteUri == ForwardTo));
        Assert.Empty(await sim.Http.GetFromJsonAsync<JsonElement[]>("/_simulator/listeners") ?? []);
    }

    [Theory]
    [InlineData("""{"forwardTo":"not a url"}""")]
    [InlineData("""{"forwardTo":"ftp://localhost/hook"}""")]
    [InlineData("""{"forwardTo":"http://localhost/hook","provider":"paypal"}""")]
    public async Task A_listener_with_a_bad_address_or_provider_is_refused_and_not_registered(string body)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await sim.Http.PostAsync(new Uri("/_simulator/listeners", UriKind.Relative), content);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty(sim.Service<WebhookListeners>().All);
    }

    [Fact]
    public async Task A_reset_keeps_the_listeners_as_a_connected_listen_stays_connected()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var listen = new ListenCommand(sim.Http, TextWriter.Null, TextWriter.Null);
        await listen.StartAsync(ForwardTo, "stripe", [], CancellationToken.None);

        (await sim.Http.PostAsync(new Uri("/_simulator/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await SimulatorCli.RunAsync(["trigger", "checkout.session.completed"], TextWriter.Null, TextWriter.Null, _ => sim.Http, CancellationToken.None);
        await sim.RunDueAsync();

        Assert.Equal(2, sim.Receiver.Received.Count(w => w.Url.AbsoluteUri == ForwardTo));
    }

    [Theory]
    [InlineData("trigger", "checkout.session.completed", "--colour", "red")]
    [InlineData("trigger", "checkout.session.completed", "--amount")]
    [InlineData("listen")]
    [InlineData("listen", "--forward-to", "http://localhost:5080", "--simulator", "not a url")]
    public async Task A_bad_command_line_says_what_is_wrong_and_changes_nothing(params string[] args)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var errors = new StringWriter();

        var exit = await SimulatorCli.RunAsync(args, TextWriter.Null, errors, _ => sim.Http, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(sim.Service<WebhookOutbox>().Deliveries);
        Assert.Empty(sim.Service<WebhookListeners>().All);
    }

    [Theory]
    [InlineData("--amount 12.50 is not a whole number of minor units.", "trigger", "checkout.session.completed", "--amount", "12.50")]
    [InlineData("--provider paypal is not stripe or payermax.", "trigger", "late-capture", "--provider", "paypal")]
    [InlineData("Option '--forward-to' is required.", "listen")]
    [InlineData("--simulator ftp://localhost is not an http(s) address.", "listen", "--forward-to", ForwardTo, "--simulator", "ftp://localhost")]
    [InlineData("Unrecognized command or argument 'refund'.", "refund")]
    public async Task A_bad_option_value_is_named_in_the_error_and_the_exit_code_is_2(string error, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await SimulatorCli.RunAsync(args, output, errors, NoSimulator, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(error, errors.ToString().Split(Environment.NewLine));
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_commands_and_how_the_simulator_itself_is_started(string help)
    {
        using var output = new StringWriter();

        var exit = await SimulatorCli.RunAsync([help], output, TextWriter.Null, NoSimulator, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^  trigger <event-or-scenario>\s+Makes a running simulator create", output.ToString());
        Assert.Matches(@"(?m)^  listen\s+Copies every webhook", output.ToString());
        Assert.Contains("--urls <address> to listen elsewhere", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trigger", "--amount <minor units>", "--provider <stripe|payermax>", "--currency <code>", "--country <code>", "--delay <hh:mm:ss>", "--decline-code <code>", "--notify-url <url>", "--simulator <url>")]
    [InlineData("listen", "--forward-to <url> (REQUIRED)", "--provider <stripe|payermax>", "--events <a,b>", "--simulator <url>")]
    public async Task A_commands_help_lists_each_of_its_options(string command, params string[] options)
    {
        using var output = new StringWriter();
        using var viaHelp = new StringWriter();

        var exit = await SimulatorCli.RunAsync([command, "--help"], output, TextWriter.Null, NoSimulator, CancellationToken.None);
        await SimulatorCli.RunAsync(["help", command], viaHelp, TextWriter.Null, NoSimulator, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Matches($@"Usage:\s+\S+ {command} ", output.ToString());
        Assert.All(options, option => Assert.Matches($@"(?m)^  {Regex.Escape(option)}\s", output.ToString()));
        Assert.Matches(@"(?m)\[default: http://127\.0\.0\.1:12111/\]$", output.ToString());
        Assert.Equal(output.ToString(), viaHelp.ToString());
    }

    [Theory]
    [InlineData("trigger --pro", "--provider")]
    [InlineData("listen --provider ", "payermax", "stripe")]
    [InlineData("tr", "trigger")]
    public async Task The_suggest_directive_completes_commands_options_and_providers(string typed, params string[] completions)
    {
        using var output = new StringWriter();

        var exit = await SimulatorCli.RunAsync([$"[suggest:{typed.Length}]", typed], output, TextWriter.Null, NoSimulator, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal(completions, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_trigger_the_simulator_refuses_exits_with_its_reason()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var errors = new StringWriter();

        var exit = await SimulatorCli.RunAsync(["trigger", "payment.success", "--country", "ZZ"], TextWriter.Null, errors, _ => sim.Http, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("The simulator answered 400: Unknown country 'ZZ'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_simulator_that_cannot_be_reached_is_named_with_the_command_that_starts_it()
    {
        using var errors = new StringWriter();
        using var unreachable = new HttpClient(new UnreachableHandler()) { BaseAddress = new Uri("http://127.0.0.1:12111/") };

        var exit = await SimulatorCli.RunAsync(["trigger", "checkout.session.completed"], TextWriter.Null, errors, _ => unreachable, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.StartsWith("Cannot reach the simulator at http://127.0.0.1:12111/: ", errors.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Start it with: ipocto-sim" + Environment.NewLine, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_command_the_program_runs_the_simulator_host()
    {
        Assert.False(SimulatorCli.Handles([]));
        Assert.False(SimulatorCli.Handles(["--urls", "http://127.0.0.1:0"]));
        Assert.True(SimulatorCli.Handles(["trigger"]));
        Assert.True(SimulatorCli.Handles(["listen", "--forward-to", ForwardTo]));
        Assert.True(SimulatorCli.Handles(["--help"]));
        Assert.True(SimulatorCli.Handles(["[suggest:3]", "tri"]));
    }

    private static HttpClient NoSimulator(Uri url) => throw new InvalidOperationException($"A command line refused or answered on its own reached for the simulator at {url}.");

    /// <summary>A simulator that is not running: the connection is refused.</summary>
    private sealed class UnreachableHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (127.0.0.1:12111)");
    }

    [GeneratedRegex("whsec_[0-9a-f]+")]
    private static partial Regex SigningSecret();
}
