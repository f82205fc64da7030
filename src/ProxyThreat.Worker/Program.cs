using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProxyThreat.Worker;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Logging;
using Serilog;
using Serilog.Events;
using Log = Serilog.Log;

Log.Logger = new LoggerConfiguration().WriteTo.StandardError().CreateBootstrapLogger();
try
{
    if (args is ["--help" or "-h" or "help"])
    {
        Console.Out.WriteLine(Usage.Text);
        return 0;
    }

    var command = CommandLine.Parse(args);
    using var host = WorkerHost.Build(command, services => services.AddSingleton<InvestigateCommand>().AddSingleton<StatusCommand>().AddSingleton<CheckCommand>().AddSingleton<ReportCommand>());
    if (command.Verb == Verb.Run)
    {
        // Until SIGTERM or Ctrl-C; a stop cancels the firing in flight and still exits 0.
        await host.RunAsync();
        return 0;
    }

    // Ctrl-C and SIGTERM cancel a one-shot verb between or inside threats; every write is atomic, so nothing partial stays.
    using var cancel = new CancellationTokenSource();
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        cancel.Cancel();
    }

    var code = command.Verb switch
    {
        Verb.Status => await host.Services.GetRequiredService<StatusCommand>().RunAsync(command, Console.Out, cancel.Token),
        Verb.Check => await host.Services.GetRequiredService<CheckCommand>().RunAsync(Console.Out, cancel.Token),
        Verb.Report => await host.Services.GetRequiredService<ReportCommand>().RunAsync(command, Console.Out, cancel.Token),
        _ => await host.Services.GetRequiredService<InvestigateCommand>().RunAsync(command, Console.Out, cancel.Token),
    };

    // investigate --report: the report shows what the run wrote, and any failed threat still sets the exit code.
    return command.Report
        ? Math.Max(code, await host.Services.GetRequiredService<ReportCommand>().RunAsync(command, Console.Out, cancel.Token))
        : code;
}
catch (UsageException ex)
{
    ConsoleLog.WriteLine(LogEventLevel.Error, $"proxythreat: {ex.Message}");
    ConsoleLog.WriteLine(LogEventLevel.Information, Usage.Hint);
    return 2;
}
catch (ProxyThreat.Pipeline.Decisions.DecisionFileException ex)
{
    ConsoleLog.WriteLine(LogEventLevel.Error, $"proxythreat: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    ConsoleLog.WriteLine(LogEventLevel.Warning, "proxythreat: cancelled");
    return 130;
}
catch (Exception ex)
{
    Log.Fatal(ex, "proxythreat stopped unexpectedly");
    return 70;
}
finally
{
    await Log.CloseAndFlushAsync();
}
