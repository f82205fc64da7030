using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>The receivers the <c>Notify</c> section configures: TheHive first, then the webhooks in order; none by default.</summary>
public sealed class NotifyReceivers : IDisposable
{
    public NotifyReceivers(IOptions<NotifyOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var notify = options.Value;
        var all = new List<INotifyReceiver>();
        if (notify.TheHive.Enabled)
        {
            all.Add(new TheHiveReceiver(notify.TheHive, notify.Timeout, time));
        }

        all.AddRange(notify.Webhooks.Select((w, i) => new WebhookReceiver(i, w, notify.Timeout, time)));
        All = all;
    }

    public IReadOnlyList<INotifyReceiver> All { get; }

    public void Dispose()
    {
        foreach (var receiver in All)
        {
            receiver.Dispose();
        }
    }

    /// <summary>The receiver with this ledger key, if it is still configured.</summary>
    public INotifyReceiver? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
