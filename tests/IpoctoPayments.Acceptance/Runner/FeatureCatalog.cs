using System.Collections.Specialized;
using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;

namespace IpoctoPayments.Acceptance.Runner;

/// <summary>
/// The feature files copied beside the tests, parsed with the Gherkin parser Reqnroll uses: one <see cref="FeatureSpec"/>
/// per file, one <see cref="ScenarioSpec"/> per pickle (a Scenario Outline row is its own scenario).
/// </summary>
internal static class FeatureCatalog
{
    public const string Folder = "features";

    private static readonly Lazy<IReadOnlyList<FeatureSpec>> Loaded = new(Load);

    public static IReadOnlyList<FeatureSpec> Features => Loaded.Value;

    public static IEnumerable<ScenarioSpec> Scenarios => Features.SelectMany(f => f.Scenarios);

    public static ScenarioSpec Find(string id) =>
        Scenarios.FirstOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"No scenario {id} in {Folder}/.");

    private static List<FeatureSpec> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, Folder);
        var ids = new GuidIdGenerator();
        return [.. Directory.GetFiles(folder, "*.feature").Order(StringComparer.Ordinal).Select(file => Parse(file, ids))];
    }

    private static FeatureSpec Parse(string file, IIdGenerator ids)
    {
        var uri = $"{Folder}/{Path.GetFileName(file)}";
        var text = File.ReadAllText(file);
        var ast = new Parser().Parse(new StringReader(text));
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        var pickles = new PickleCompiler(ids).Compile(document).ToList();
        var feature = document.Feature ?? throw new InvalidOperationException($"{uri} holds no feature.");

        var messages = new FeatureMessages(new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);
        var info = new FeatureInfo(
            new CultureInfo(feature.Language), Folder, feature.Name, feature.Description, ProgrammingLanguage.CSharp,
            [.. feature.Tags.Select(t => t.Name.TrimStart('@'))], messages);
        var spec = new FeatureSpec(Path.GetFileNameWithoutExtension(file), info);
        var tree = new DocumentTree(feature);
        spec.Scenarios.AddRange(pickles
            .Select((pickle, index) => tree.Scenario(spec, pickle, index))
            .Where(s => !s.Tags.Contains("ignore", StringComparer.OrdinalIgnoreCase)));
        return spec;
    }

    private sealed class GuidIdGenerator : IIdGenerator
    {
        public string GetNewId() => Guid.NewGuid().ToString();
    }

    private sealed record FeatureMessages(Source Source, GherkinDocument GherkinDocument, IEnumerable<Pickle> Pickles) : IFeatureLevelCucumberMessages
    {
        public bool HasMessages => true;
    }

    /// <summary>Finds a pickle's scenario, rule, example row and step keywords in the document.</summary>
    private sealed class DocumentTree
    {
        private readonly Feature feature;
        private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> scenarios = [];
        private readonly Dictionary<string, string> keywords = [];

        public DocumentTree(Feature feature)
        {
            this.feature = feature;
            foreach (var child in feature.Children)
            {
                Add(child.Background, child.Scenario, null);
                foreach (var ruleChild in child.Rule?.Children ?? [])
                {
                    Add(ruleChild.Background, ruleChild.Scenario, child.Rule);
                }
            }
        }

        public ScenarioSpec Scenario(FeatureSpec spec, Pickle pickle, int index)
        {
            var (scenario, rule) = scenarios[pickle.AstNodeIds[0]];
            var arguments = new OrderedDictionary();
            var exampleTags = new List<string>();
            if (pickle.AstNodeIds.Count > 1)
            {
                var examples = scenario.Examples.First(e => e.TableBody.Any(r => r.Id == pickle.AstNodeIds[1]));
                var row = examples.TableBody.First(r => r.Id == pickle.AstNodeIds[1]);
                for (var i = 0; i < examples.TableHeader.Cells.Count; i++)
                {
                    arguments[examples.TableHeader.Cells[i].Value] = row.Cells[i].Value;
                }

                exampleTags.AddRange(examples.Tags.Select(t => t.Name.TrimStart('@')));
            }

            var tags = scenario.Tags.Select(t => t.Name.TrimStart('@')).Concat(exampleTags).ToArray();
            var inherited = feature.Tags.Concat(rule?.Tags ?? []).Select(t => t.Name.TrimStart('@')).ToArray();
            var steps = pickle.Steps.Select(step => new StepSpec(
                step.Type,
                keywords[step.AstNodeIds[0]],
                step.Text,
                step.Argument?.DocString?.Content,
                step.Argument?.DataTable)).ToList();
            var values = arguments.Count == 0 ? "" : $" ({string.Join(", ", arguments.Cast<System.Collections.DictionaryEntry>().Select(e => $"{e.Key}: {e.Value}"))})";

            return new ScenarioSpec(
                $"{spec.Key}#{index}",
                index,
                $"{feature.Name}: {pickle.Name}{values}",
                spec,
                new ScenarioInfo(scenario.Name, scenario.Description, tags, arguments, inherited, index.ToString(CultureInfo.InvariantCulture)),
                rule is null ? null : new RuleInfo(rule.Name, rule.Description, [.. rule.Tags.Select(t => t.Name.TrimStart('@'))]),
                steps,
                tags);
        }

        private void Add(Background? background, Scenario? scenario, Rule? rule)
        {
            foreach (var step in background?.Steps ?? [])
            {
                keywords[step.Id] = step.Keyword;
            }

            if (scenario is null)
            {
                return;
            }

            scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
            {
                keywords[step.Id] = step.Keyword;
            }
        }
    }
}

/// <summary>One feature file; its <see cref="Info"/> is the one instance the test runner compares features by.</summary>
internal sealed record FeatureSpec(string Key, FeatureInfo Info)
{
    public List<ScenarioSpec> Scenarios { get; } = [];
}

internal sealed record ScenarioSpec(
    string Id, int Index, string DisplayName, FeatureSpec Feature, ScenarioInfo Info, RuleInfo? Rule, IReadOnlyList<StepSpec> Steps, IReadOnlyList<string> Tags);

internal sealed record StepSpec(PickleStepType Type, string Keyword, string Text, string? DocString, PickleTable? DataTable)
{
    public Table? Table()
    {
        if (DataTable is null || DataTable.Rows.Count == 0)
        {
            return null;
        }

        var table = new Table([.. DataTable.Rows[0].Cells.Select(c => c.Value)]);
        foreach (var row in DataTable.Rows.Skip(1))
        {
            table.AddRow([.. row.Cells.Select(c => c.Value)]);
        }

        return table;
    }
}
