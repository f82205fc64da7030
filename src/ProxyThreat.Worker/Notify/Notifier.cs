using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Notify;

/// <summary>
/// Announces written threats, at least once, without holding up an investigation: each threat's document for each
/// receiver is queued in the ledger as the threat is recorded (unless the receiver already has the same one), and
/// after the run or firing the queued documents whose time has come are sent. One that fails stays queued and is
/// tried at later firings, the delay doubling up to <c>Notify:MaxRetryDelay</c>, until the receiver takes it.
/// </summary>
public sealed class Notifier
{
    private readonly NotifyReceivers _receivers;
    private readonly DeliveryLedger _ledger;
    private readonly RetrySettings _retry;
    private readonly TimeProvider _time;
    private readonly ILogger<Notifier> _logger;

    public Notifier(NotifyReceivers receivers, DeliveryLedger ledger, IOptions<NotifyOptions> options, TimeProvider time, ILogger<Notifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _receivers = receivers;
        _ledger = ledger;
        _retry = new RetrySettings(int.MaxValue, options.Value.RetryDelay, options.Value.MaxRetryDelay);
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether any receiver is configured.</summary>
    public bool Enabled => _receivers.All.Count > 0;

    /// <summary>Queues the threat's document for each receiver that does not have the same one already.</summary>
    public async Task QueueAsync(WrittenThreat threat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threat);
        foreach (var receiver in _receivers.All)
        {
            var document = receiver.Document(threat);
            var fingerprint = DocumentHash.Of(document);
            var previous = await _ledger.ReadAsync(receiver.Id, threat.Date, threat.Uri, cancellationToken);
            if (previous?.Fingerprint == fingerprint)
            {
                // A rerun with the same inputs: the receiver has, or will get, this very document.
                continue;
            }

            await _ledger.WriteAsync(
                new DeliveryEntry(receiver.Id, threat.Date, threat.Uri, DeliveryState.Pending, fingerprint, document, 0, _time.GetUtcNow(), null, null, previous?.DeliveredAt, null),
                cancellationToken);
            Log.DeliveryQueued(_logger, threat.Uri, threat.Date, receiver.Name, previous is null ? "new" : "changed");
        }
    }

    /// <summary>
    /// Sends every queued document whose time has come, receiver by receiver; a receiver found unreachable is not
    /// tried again this round. Failures are recorded, never thrown: they neither fail nor stop a run.
    /// </summary>
    public async Task<DeliveryTally> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return DeliveryTally.None;
        }

        try
        {
            return await DeliverQueuedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The boundary of the deliveries (the ledger cannot be read): they wait for the next round, the run stands.
            Log.DeliveriesNotAttempted(_logger, ex, ex.Message);
            return DeliveryTally.None with { FirstError = ex.Message };
        }
    }

    private async Task<DeliveryTally> DeliverQueuedAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var queued = await _ledger.ReadUndeliveredAsync(cancellationToken);
        var tally = DeliveryTally.None;
        foreach (var receiver in _receivers.All)
        {
            var down = false;
            foreach (var entry in queued.Where(e => e.Receiver == receiver.Id))
            {
                if (down || entry.NextAttemptAt > now)
                {
                    tally = tally with { Waiting = tally.Waiting + 1 };
                    continue;
                }

                var (outcome, leftAlone, unreachable) = await DeliverAsync(receiver, entry, cancellationToken);
                tally = outcome.State == DeliveryState.Delivered
                    ? leftAlone ? tally with { LeftAlone = tally.LeftAlone + 1 } : tally with { Delivered = tally.Delivered + 1 }
                    : tally with { Failed = tally.Failed + 1, FirstError = tally.FirstError ?? outcome.LastError };
                down = unreachable;
            }
        }

        return tally;
    }

    private async Task<(DeliveryEntry Outcome, bool LeftAlone, bool Unreachable)> DeliverAsync(INotifyReceiver receiver, DeliveryEntry entry, CancellationToken cancellationToken)
    {
        DeliveryEntry outcome;
        var leftAlone = false;
        var unreachable = false;
        try
        {
            var delivered = await receiver.DeliverAsync(entry.Document, cancellationToken);
            outcome = entry with
            {
                State = DeliveryState.Delivered,
                DeliveredAt = _time.GetUtcNow(),
                NextAttemptAt = null,
                LastError = null,
                Detail = delivered.Detail,
            };
            leftAlone = delivered.LeftAlone;
            if (leftAlone)
            {
                Log.DeliveryLeftAlone(_logger, entry.Uri, entry.Date, receiver.Name, delivered.Detail);
            }
            else
            {
                Log.Delivered(_logger, entry.Uri, entry.Date, receiver.Name, delivered.Detail, entry.Attempts);
            }
        }
        catch (Exception ex) when (ex is NotifyException or JsonException or InvalidOperationException)
        {
            // The boundary of one delivery: its failure is recorded with the document, which waits for the next try.
            var attempts = entry.Attempts + 1;
            var wait = DuePolicy.RetryDelay(attempts, _retry);
            var reason = ex is NotifyException ? ex.Message : $"{receiver.Name}: its answer was not understood: {ex.Message}";
            unreachable = ex is NotifyException { Unreachable: true };
            outcome = entry with { State = DeliveryState.Failed, Attempts = attempts, NextAttemptAt = _time.GetUtcNow() + wait, LastError = reason };
            Log.DeliveryFailed(_logger, entry.Uri, entry.Date, attempts, wait, reason);
        }

        // Recorded whatever the stop: what the receiver took must not be sent again for want of a line in the ledger.
        await _ledger.WriteAsync(outcome, CancellationToken.None);
        return (outcome, leftAlone, unreachable);
    }
}
