namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>A fault a server of the emulator plays on one call (see <see cref="WebHdfsEmulator.FaultFor"/>).</summary>
public enum EmulatedFault
{
    None,

    /// <summary>A NameNode answers 500 with an empty body.</summary>
    Status500,

    /// <summary>A NameNode answers SafeModeException.</summary>
    SafeMode,

    /// <summary>The connection is dropped: a NameNode before carrying the call out, a DataNode half way through the body.</summary>
    Drop,

    /// <summary>A NameNode carries the call out and drops the connection before answering.</summary>
    LoseAnswer,

    /// <summary>A DataNode moves half the body, then nothing more, and never answers.</summary>
    Stall,
}
