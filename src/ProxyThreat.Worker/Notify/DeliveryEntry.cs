namespace ProxyThreat.Worker.Notify;

/// <summary>The ledger's row for one threat of one date and one receiver: the latest document and its delivery.</summary>
/// <param name="Receiver">The receiver's key (<c>thehive:…</c>, <c>webhook:…</c>), which holds no secret.</param>
/// <param name="Fingerprint">The SHA-256 of <paramref name="Document"/>: a rerun that makes the same document sends nothing.</param>
/// <param name="Attempts">Failed tries of this document.</param>
/// <param name="NextAttemptAt">When a failed document is next tried; null: at the next firing.</param>
/// <param name="Detail">What the receiver did with it, once delivered.</param>
public sealed record DeliveryEntry(
    string Receiver,
    DateOnly Date,
    string Uri,
    DeliveryState State,
    string Fingerprint,
    string Document,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    string? Detail);
