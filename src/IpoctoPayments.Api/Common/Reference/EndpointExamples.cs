namespace IpoctoPayments.Api.Common.Reference;

/// <summary>What the API reference shows for one endpoint: a request, the answers, and the problems it can answer with.</summary>
internal sealed class EndpointExamples
{
    public object? Request { get; init; }

    /// <summary>Successful answers by status.</summary>
    public IReadOnlyDictionary<int, object> Responses { get; init; } = new Dictionary<int, object>();

    /// <summary>Problems by status; each status may hold several codes.</summary>
    public IReadOnlyList<(int Status, string Code, string Detail)> Problems { get; init; } = [];
}

internal static class EndpointExamplesExtensions
{
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, EndpointExamples examples)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(examples);
}
