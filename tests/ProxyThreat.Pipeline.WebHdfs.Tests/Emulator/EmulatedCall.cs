namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>A call as a server of the emulator saw it.</summary>
public sealed record EmulatedCall(string Server, string Method, string Operation, string Path, string? Destination, string Query, long BodyLength);
