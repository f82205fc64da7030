using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ProxyThreat.Worker.Hooks;

/// <summary>
/// Runs a hook's program once, without a shell: its arguments as given, the worker's environment plus the hook's
/// variables, standard input closed, each line of its standard output and error handed on as it comes. At the
/// timeout, or when the worker stops, it is killed with every process it started.
/// </summary>
public static class HookProcess
{
    /// <summary>How long the output of a killed or finished run may still take to end (a process it left behind may hold it open).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    /// <param name="program">The program's absolute path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Variables added to the worker's environment.</param>
    /// <param name="timeout">The longest it may run.</param>
    /// <param name="output">Called with each line of standard output.</param>
    /// <param name="error">Called with each line of standard error.</param>
    /// <param name="time">The clock of the timeout.</param>
    /// <param name="cancellationToken">Kills the run; then <see cref="OperationCanceledException"/> is thrown.</param>
    public static async Task<HookResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        Action<string> output,
        Action<string> error,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new HookResult(HookOutcome.NotStarted, null, time.GetElapsedTime(started), $"{program}: {ex.Message}");
        }

        // A hook that reads standard input gets its end at once rather than waiting for a terminal.
        process.StandardInput.Close();
        var lines = Task.WhenAll(ForwardAsync(process.StandardOutput, output), ForwardAsync(process.StandardError, error));
        using var expired = new CancellationTokenSource(timeout, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(expired.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            await EndOfOutputAsync(lines);
            cancellationToken.ThrowIfCancellationRequested();
            return new HookResult(HookOutcome.TimedOut, null, time.GetElapsedTime(started));
        }

        var elapsed = time.GetElapsedTime(started);
        await EndOfOutputAsync(lines);
        return new HookResult(process.ExitCode == 0 ? HookOutcome.Succeeded : HookOutcome.Failed, process.ExitCode, elapsed);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or AggregateException or Win32Exception)
        {
            // It ended by itself meanwhile, or a child of it did.
        }
    }

    private static async Task ForwardAsync(StreamReader reader, Action<string> line)
    {
        while (await reader.ReadLineAsync() is { } text)
        {
            line(text);
        }
    }

    /// <summary>Waits a little for the last lines; a process the hook left running in the background may keep its output open for good.</summary>
    private static async Task EndOfOutputAsync(Task lines)
    {
        try
        {
            await lines.WaitAsync(OutputGrace);
        }
        catch (TimeoutException)
        {
            // What it wrote until now is logged; the rest belongs to a process that outlived the hook.
        }
    }
}
