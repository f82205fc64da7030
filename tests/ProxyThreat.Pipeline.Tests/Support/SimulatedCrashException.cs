namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>Stands for the process dying just before a write step.</summary>
public sealed class SimulatedCrashException(string step) : Exception($"simulated crash before {step}");
