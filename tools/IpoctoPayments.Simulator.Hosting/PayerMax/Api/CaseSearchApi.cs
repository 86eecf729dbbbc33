using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>caseSearch</c>: a chargeback case by <c>caseId</c>.</summary>
internal sealed class CaseSearchApi(PayerMaxStore store) : IGatewayApi
{
    public string Name => "caseSearch";

    public GatewayReply Handle(RequestData data, HttpContext http)
    {
        var caseId = data.Required("caseId", 64);

        // PayerMax documents no code of its own for an unknown case; the simulator answers as for an unknown order.
        var chargeback = store.FindChargeback(caseId)
            ?? throw new GatewayRejection(GatewayCodes.OrderNotExist, $"Chargeback case {caseId} does not exist.");
        return GatewayReply.Success(PayerMaxWire.CaseSearchData(chargeback));
    }
}
