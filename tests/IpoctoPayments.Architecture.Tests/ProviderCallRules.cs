using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Application.Common.Providers;
using Mediator;
using static IpoctoPayments.Architecture.Tests.Layers;

namespace IpoctoPayments.Architecture.Tests;

/// <summary>DESIGN.md: no provider is called inside a database transaction.</summary>
public sealed class ProviderCallRules
{
    [Fact]
    public void Only_query_handlers_and_handlers_of_commands_that_own_their_unit_of_work_call_a_provider()
    {
        // The unit-of-work behaviour wraps every other command in a transaction (queries get none): a provider called
        // from such a command's handler, or from anything it uses, would be called with the transaction open.
        var callers = ApplicationTypes.Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IPaymentGateways)))).ToList();
        Assert.NotEmpty(callers);

        AssertNone(
            callers.Where(t => !RunsOutsideATransaction(t)).Select(t => t.FullName!),
            "Only a query handler, or a handler whose command is IOwnsItsUnitOfWork, may take IPaymentGateways; anything else is called inside a transaction");
    }

    private static bool RunsOutsideATransaction(Type type) =>
        type.GetInterfaces().Where(i => i.IsGenericType).Any(i =>
            i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)
            || ((i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(ICommandHandler<>))
                && typeof(IOwnsItsUnitOfWork).IsAssignableFrom(i.GetGenericArguments()[0])));
}
