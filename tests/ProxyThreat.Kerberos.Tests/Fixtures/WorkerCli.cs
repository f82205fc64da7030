using System.Diagnostics;

namespace ProxyThreat.Kerberos.Tests.Fixtures;

/// <summary>
/// Runs the built worker as an operator would, in a process of its own whose Kerberos environment is exactly the
/// realm's configuration plus what the test gives: nothing of this process's (such as a keytab login's) leaks in.
/// </summary>
internal static class WorkerCli
{
    // The worker's own build, beside this one (bin/<configuration>/<framework>): this folder holds ASP.NET Core's
    // copies of the hosting assemblies, which the worker's runtime configuration does not load.
    private static readonly string Executable = Path.Join(
        Repository.Root,
        "src",
        "ProxyThreat.Worker",
        Path.GetRelativePath(Path.Join(Repository.Root, "tests", "ProxyThreat.Kerberos.Tests"), AppContext.BaseDirectory),
        "proxythreat.dll");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        LoopbackRealm realm, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("KRB5", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["KRB5_CONFIG"] = realm.Config;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
