namespace ProxyThreat.Worker.Notify;

/// <summary>Where a threat's document for one receiver stands.</summary>
public enum DeliveryState
{
    /// <summary>Queued and not tried yet.</summary>
    Pending,

    /// <summary>The last try failed; tried again at a later firing, after a growing delay, until it is delivered.</summary>
    Failed,

    /// <summary>The receiver took it (or holds the threat in a state left alone, an alert imported into a case).</summary>
    Delivered,
}
