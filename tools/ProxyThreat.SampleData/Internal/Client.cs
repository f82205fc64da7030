namespace ProxyThreat.SampleData.Internal;

/// <summary>A workstation behind the proxy, with the browser and the user it usually logs.</summary>
internal sealed record Client(string Ip, string UserAgent, string? Username, string? AuthGroup, int Appliance);
