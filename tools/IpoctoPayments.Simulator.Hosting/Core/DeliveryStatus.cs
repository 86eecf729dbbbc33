using System.Text.Json.Serialization;

namespace IpoctoPayments.Simulator.Core;

/// <summary>Where a delivery stands: waiting, held back by an out-of-order fault, retrying, or finished one way or another.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    Scheduled,
    Held,
    Retrying,
    Delivered,
    GaveUp,
    Dropped,
}
