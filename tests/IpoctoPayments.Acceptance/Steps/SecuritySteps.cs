using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IpoctoPayments.Testing;
using Microsoft.Data.Sqlite;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>Security and privacy: what ipocto's database holds after payments, and what a forged notification does.</summary>
[Binding]
public sealed partial class SecuritySteps(PaymentsWorld world)
{
    // The columns of an order that are the essentials: the order, amounts, method, provider references, what happened.
    private static readonly string[] CardWords = ["card_number", "cardnumber", "pan", "cvc", "cvv", "expiry", "exp_month", "exp_year", "expiration"];

    private HttpResponseMessage? forged;

    [Then("no card number is stored anywhere in ipocto's data")]
    public async Task ThenNoCardNumberIsStored()
    {
        // Text is scanned for any card-like run; numbers (timestamps, amounts) are checked against the typed cards below.
        foreach (var (table, column, text) in await StoredTextAsync(textOnly: true))
        {
            // Ids are random hex: a run of their digits, dashes between, passes Luhn one time in ten.
            foreach (Match run in DigitRuns().Matches(Ids().Replace(text, " ")))
            {
                Assert.False(PassesLuhn(run.Value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)), $"{table}.{column} holds a card-like number {run.Value}.");
            }
        }
    }

    [Then("none of the card numbers, expiry dates or CVCs the customer typed is stored anywhere in ipocto's data")]
    public async Task ThenNothingTypedIsStored()
    {
        var cells = await StoredTextAsync();
        Assert.NotEmpty(cells);
        foreach (var secret in world.CardSecrets)
        {
            // A CVC is three digits that could appear inside any number or generated key: look for it standing alone.
            var pattern = secret.Length <= 4 ? $@"(?<![\w.]){secret}(?![\w.])" : Regex.Escape(secret);
            var (table, column, _) = cells.FirstOrDefault(c => Regex.IsMatch(c.Text, pattern));
            Assert.True(table is null, $"{table}.{column} holds what the customer typed ({secret}).");
        }

        foreach (var expiry in world.CardExpiries)
        {
            var (table, column, _) = cells.FirstOrDefault(c => c.Text.Contains(expiry, StringComparison.Ordinal));
            Assert.True(table is null, $"{table}.{column} holds the card's expiry date {expiry}.");
        }
    }

    [Then("the order ipocto keeps holds only the order, the amounts, the method, the provider's references and what happened")]
    public async Task ThenOnlyEssentialsAreKept()
    {
        await world.RefreshOrderAsync();
        await using var connection = await OpenAsync();
        foreach (var table in await TablesAsync(connection))
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                var name = column.ToLowerInvariant();
                Assert.DoesNotContain(CardWords, word => name.Contains(word, StringComparison.Ordinal));
            }
        }
    }

    [Then("the card is known to ipocto at most by its brand and last four digits")]
    public async Task ThenOnlyBrandAndLastFour()
    {
        var cells = await StoredTextAsync();
        foreach (var number in world.CardSecrets.Where(s => s.Length > 4))
        {
            // Everything but the last four digits: the part of the number ipocto may never hold.
            var hidden = number[..^4];
            var (table, column, _) = cells.FirstOrDefault(c => c.Text.Contains(hidden, StringComparison.Ordinal));
            Assert.True(table is null, $"{table}.{column} holds more of the card number than its last four digits.");
        }

        foreach (var expiry in world.CardExpiries)
        {
            Assert.DoesNotContain(cells, c => c.Text.Contains(expiry, StringComparison.Ordinal));
        }
    }

    [When("someone sends ipocto a forged notification that the order was paid")]
    public async Task WhenAForgedNotificationArrives()
    {
        var sessions = await world.System.Simulator.GetFromJsonAsync<JsonArray>("/_simulator/stripe/sessions");
        var session = sessions!.Last()!.AsObject();
        session["status"] = "complete";
        session["payment_status"] = "paid";
        var now = world.System.Clock.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["id"] = "evt_forged_0001",
            ["object"] = "event",
            ["api_version"] = "2025-09-30.clover",
            ["created"] = now,
            ["livemode"] = false,
            ["type"] = "checkout.session.completed",
            ["data"] = new JsonObject { ["object"] = session.DeepClone() },
        }.ToJsonString();

        // Signed, but with a secret that is not ipocto's.
        using var request = StripeSignature.Webhook(payload, StripeSignature.For(payload, "whsec_not_the_real_secret", world.System.Clock.GetUtcNow()));
        forged = await world.System.Anonymous().SendAsync(request);
    }

    [Then("ipocto refuses the notification")]
    public void ThenTheNotificationIsRefused() => Assert.Equal(HttpStatusCode.BadRequest, forged!.StatusCode);

    /// <summary>Every text cell (and, unless <paramref name="textOnly"/>, every number cell) of every table in ipocto's database.</summary>
    private async Task<List<(string Table, string Column, string Text)>> StoredTextAsync(bool textOnly = false)
    {
        await using var connection = await OpenAsync();
        var cells = new List<(string, string, string)>();
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var text = value switch
                    {
                        string s => s,
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        DBNull => null,
                        _ when textOnly => null,
                        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                    };
                    if (text is not null)
                    {
                        cells.Add((table, reader.GetName(i), text));
                    }
                }
            }
        }

        return cells;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>ipocto's tables; EF Core's migration history (migration names are timestamps) holds no customer data.</summary>
    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> '__EFMigrationsHistory'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    // A GUID with or without its dashes, as ipocto writes its ids.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Ids();

    // A card number is 13 to 19 digits, possibly grouped by spaces or dashes.
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")]
    private static partial Regex DigitRuns();
}
