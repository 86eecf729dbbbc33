using System.Reflection;
using System.Runtime.CompilerServices;
using Mediator;
using static IpoctoPayments.Architecture.Tests.Layers;

namespace IpoctoPayments.Architecture.Tests;

/// <summary>STYLE.md: one use case, one folder; handlers hidden; commands and queries immutable.</summary>
public sealed class UseCaseRules
{
    private static readonly Type[] MessageInterfaces = [typeof(ICommand<>), typeof(IQuery<>)];
    private static readonly Type[] HandlerInterfaces = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>)];

    public static IEnumerable<Type> Messages => ApplicationTypes.Where(t => Implements(t, MessageInterfaces));

    public static IEnumerable<Type> Handlers => ApplicationTypes.Where(t => Implements(t, HandlerInterfaces));

    [Fact]
    public void Handlers_are_not_public_and_are_sealed()
    {
        Assert.NotEmpty(Handlers);

        AssertNone(Handlers.Where(t => t.IsPublic || t.IsNestedPublic || !t.IsSealed).Select(t => t.FullName!),
            "Handlers are internal sealed: only Mediator calls them");
    }

    [Fact]
    public void Commands_and_queries_are_sealed_records_without_public_setters()
    {
        Assert.NotEmpty(Messages);

        AssertNone(Messages.Where(t => !t.IsSealed || !IsRecord(t) || HasPublicMutableProperty(t)).Select(t => t.FullName!),
            "Commands and queries are immutable sealed records (init-only properties at most)");
    }

    [Fact]
    public void Each_use_case_lives_in_its_own_folder_with_its_handler()
    {
        var offenders = new List<string>();
        foreach (var message in Messages)
        {
            var useCase = UseCaseName(message);
            var segments = message.Namespace!.Split('.');
            if (useCase is null || segments.Length != 4 || segments[0] != "IpoctoPayments" || segments[1] != "Application" || segments[3] != useCase)
            {
                offenders.Add($"{message.FullName} is not in IpoctoPayments.Application.<Module>.{useCase ?? "<UseCase>"}");
                continue;
            }

            var handler = ApplicationTypes.FirstOrDefault(t => t.Namespace == message.Namespace && t.Name == useCase + "Handler");
            if (handler is null || !HandlesMessage(handler, message))
            {
                offenders.Add($"{message.FullName} has no {useCase}Handler handling it beside it");
            }
        }

        Assert.NotEmpty(Messages);
        AssertNone(offenders, "Every XCommand/XQuery sits in Application.<Module>.X with its XHandler");
    }

    private static string? UseCaseName(Type message) =>
        message.Name.EndsWith("Command", StringComparison.Ordinal) ? message.Name[..^"Command".Length]
        : message.Name.EndsWith("Query", StringComparison.Ordinal) ? message.Name[..^"Query".Length]
        : null;

    private static bool HandlesMessage(Type handler, Type message) =>
        handler.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()) && i.GenericTypeArguments[0] == message);

    private static bool Implements(Type type, Type[] openInterfaces) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition()));

    // The compiler gives every record a hidden clone method; classes do not have one.
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool HasPublicMutableProperty(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.SetMethod)
            .Any(setter => setter is { IsPublic: true } && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)));
}
