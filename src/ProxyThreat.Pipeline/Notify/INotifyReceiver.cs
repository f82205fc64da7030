namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// A system that hears about written threats: it makes its document from a threat (a pure function of it) and
/// delivers a document. Documents wait in the ledger between the two, so a receiver that is down loses nothing.
/// </summary>
public interface INotifyReceiver : IDisposable
{
    /// <summary>The receiver's key in the ledger: the same for the same configured URL, and holding no secret.</summary>
    string Id { get; }

    /// <summary>What operators read: the kind, and the host and port only (a URL's path may hold a token).</summary>
    string Name { get; }

    /// <summary>The JSON text this receiver is sent for the threat.</summary>
    string Document(WrittenThreat threat);

    /// <summary>Delivers a document; a failure is a <see cref="NotifyException"/>.</summary>
    Task<Delivered> DeliverAsync(string document, CancellationToken cancellationToken);

    /// <summary>Proves the receiver usable without announcing anything; says what it found, or throws saying what is wrong.</summary>
    Task<string> CheckAsync(CancellationToken cancellationToken);
}
