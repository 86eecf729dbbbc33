using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Testing;

/// <summary>
/// One log entry as a log store would keep it: its message, the values of every scope around it, and as
/// <see cref="Text"/> everything a sink could be given (message, structured state, scopes, exception) flattened.
/// </summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope, string Text);

/// <summary>
/// A logger provider that keeps every entry of the API at every level (Trace included), flattened to text with its
/// structured state and scopes, so a test can search everything a log sink would ever be given.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Lines => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                text.Append(s);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (key, item) in pairs)
                {
                    text.Append(' ').Append(key).Append('=');
                    AppendValue(text, item);
                }

                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    text.Append(' ');
                    AppendValue(text, item);
                }

                break;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new StringBuilder(message);
            text.Append(" | state:");
            AppendValue(text, state);
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            sink.scopes.ForEachScope((scope, into) =>
            {
                into.Text.Append(" | scope: ").Append(scope);
                AppendValue(into.Text, scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        into.Values[key] = item;
                    }
                }
            }, (Text: text, Values: values));
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            sink.entries.Enqueue(new CapturedLog(category, logLevel, message, values, text.ToString()));
        }
    }
}
