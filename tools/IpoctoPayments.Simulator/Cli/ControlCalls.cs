using System.Net.Http.Json;
using System.Text.Json;

namespace IpoctoPayments.Simulator.Cli;

/// <summary>Calls to a running simulator's control API, and what to say when it refuses or cannot be reached.</summary>
internal static class ControlCalls
{
    /// <summary>The answer's JSON, or null after writing why there is none.</summary>
    public static async Task<JsonElement?> SendAsync(HttpClient http, HttpMethod method, string path, object? body, TextWriter errors, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            if (response.IsSuccessStatusCode)
            {
                return json;
            }

            var detail = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("detail", out var d) ? d.GetString() : text;
            await errors.WriteLineAsync($"The simulator answered {(int)response.StatusCode}: {detail}");
            return null;
        }
        catch (HttpRequestException exception)
        {
            await errors.WriteLineAsync($"Cannot reach the simulator at {http.BaseAddress}: {exception.Message}. Start it with: ipocto-sim");
            return null;
        }
    }

    public static string Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
