namespace ProxyThreat.Worker.Notify;

/// <summary>What one round of deliveries did.</summary>
/// <param name="Delivered">Documents the receivers took.</param>
/// <param name="LeftAlone">Alerts not updated because they were imported into a case.</param>
/// <param name="Failed">Documents whose try failed; kept, and tried again after a growing delay.</param>
/// <param name="Waiting">Documents not tried this round: their retry delay has not passed, or their receiver was found down.</param>
/// <param name="FirstError">The first failure's message, for the operator.</param>
public sealed record DeliveryTally(int Delivered, int LeftAlone, int Failed, int Waiting, string? FirstError)
{
    public static DeliveryTally None { get; } = new(0, 0, 0, 0, null);

    public bool IsEmpty => Delivered + LeftAlone + Failed + Waiting == 0;
}
