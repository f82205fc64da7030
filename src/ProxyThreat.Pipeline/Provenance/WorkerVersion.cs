using System.Reflection;

namespace ProxyThreat.Pipeline.Provenance;

/// <summary>The worker's version as its build stamped it: the product version and, from a git checkout, the commit.</summary>
public static class WorkerVersion
{
    public static string Current { get; } =
        typeof(WorkerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(WorkerVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
