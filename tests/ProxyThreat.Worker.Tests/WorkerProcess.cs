using System.Diagnostics;

namespace ProxyThreat.Worker.Tests;

/// <summary>Runs the built worker executable as an operator would, and captures what it prints.</summary>
internal static class WorkerProcess
{
    /// <summary>What <c>dotnet run</c> in the checkout sets (Properties/launchSettings.json): the sample configuration applies.</summary>
    public static IReadOnlyDictionary<string, string> Checkout { get; } = new Dictionary<string, string> { [WorkerHost.EnvironmentVariable] = "Development" };

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CompleteAsync(Start(workingDirectory, environment, args));

    /// <summary>
    /// Runs the worker as systemd does for the journal: <c>JOURNAL_STREAM</c> holds the device and inode of its
    /// standard error, read by coreutils' stat from the stream the worker inherits.
    /// </summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsJournaledAsync(string workingDirectory, params string[] args)
    {
        string[] wrapped = ["-c", "JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec dotnet \"$@\"", "sh", Path.Join(AppContext.BaseDirectory, "proxythreat.dll"), .. args];
        return CompleteAsync(Process.Start(Info("/bin/sh", workingDirectory, wrapped))!);
    }

    private static async Task<(int ExitCode, string Output, string Error)> CompleteAsync(Process started)
    {
        using var process = started;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs the <c>dotnet</c> command itself (<c>run</c>, <c>publish</c>, or a published worker's dll).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunDotnetAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CompleteAsync(Process.Start(Info("dotnet", workingDirectory, args, environment))!);

    /// <summary>Starts the worker with its standard output and error redirected.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Process.Start(Info("dotnet", workingDirectory, [Path.Join(AppContext.BaseDirectory, "proxythreat.dll"), .. args], environment))!;

    private static ProcessStartInfo Info(string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Whatever started the tests (systemd, a CI agent) must not decide where the output goes or which settings apply.
        start.Environment.Remove("JOURNAL_STREAM");
        start.Environment.Remove(WorkerHost.EnvironmentVariable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
