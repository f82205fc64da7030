using System.Globalization;
using ProxyThreat.Worker.Report;

namespace ProxyThreat.Worker.Cli;

/// <summary>
/// The <c>report</c> verb (and <c>investigate --report</c>): the date's HTML report, made from what the output
/// store holds, to a file (replaced in one step) or to standard output.
/// </summary>
public sealed class ReportCommand
{
    private readonly ReportMaker _maker;

    public ReportCommand(ReportMaker maker)
    {
        _maker = maker;
    }

    /// <summary>The report's file when no <c>--out</c> is given, relative to the working directory.</summary>
    public static string DefaultPath(DateOnly date) =>
        Path.Join("out", string.Create(CultureInfo.InvariantCulture, $"report-{date:yyyy-MM-dd}.html"));

    /// <returns>0 when the report was written, 1 when it could not be made.</returns>
    public async Task<int> RunAsync(Command command, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        var date = command.From;
        try
        {
            var (report, html) = await _maker.MakeAsync(date, cancellationToken);
            if (command.ReportPath == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(html, cancellationToken);
                return 0;
            }

            var path = Path.GetFullPath(command.ReportPath ?? DefaultPath(date));
            await WriteAsync(path, html, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"report {date:yyyy-MM-dd}: {path} ({report.Threats.Count} threats, {report.RowsScanned} rows; open it in a browser)"));
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The boundary of the report: an unreadable output or an unwritable file is one line, not a stack trace.
            await output.WriteLineAsync($"report {date:yyyy-MM-dd} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Writes beside the target and renames over it, so a browser never opens half a page.</summary>
    private static async Task WriteAsync(string path, byte[] html, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Join(Path.GetDirectoryName(path), $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, html, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
