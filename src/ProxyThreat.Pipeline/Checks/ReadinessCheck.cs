using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Pipeline.Checks;

/// <summary>
/// Proves each configured part usable before operators rely on it: the source answers with what the worker
/// reads, Spot's home exists in the output, and the worker may create, rename and delete a file there; with
/// Kerberos, also whose ticket the worker authenticates with. Last, it warns of analysts' decisions that name no
/// threat of their date. Each configured receiver of alerts is proved usable without announcing anything.
/// </summary>
public sealed class ReadinessCheck
{
    private readonly IThreatSource _source;
    private readonly IHdfs _hdfs;
    private readonly SpotLayout _layout;
    private readonly SpotHome _home;
    private readonly HdfsKind _kind;
    private readonly TimeProvider _time;
    private readonly KerberosLogin? _kerberos;
    private readonly DecisionStore _decisions;
    private readonly IReadOnlySet<int> _severities;
    private readonly NotifyReceivers _receivers;
    private string? _principal;

    public ReadinessCheck(IThreatSource source, IHdfs hdfs, SpotLayout layout, IOptions<HdfsOptions> hdfsOptions, DecisionStore decisions, IOptions<InvestigationOptions> investigation, NotifyReceivers receivers, TimeProvider time)
    {
        _receivers = receivers;
        _source = source;
        _decisions = decisions;
        _severities = ThreatSelection.SeveritiesOf(investigation.Value);
        _hdfs = hdfs;
        _layout = layout;
        _kind = hdfsOptions.Value.Kind;
        _home = new SpotHome(hdfs, layout, _kind);
        _time = time;
        var webHdfs = hdfsOptions.Value.WebHdfs;
        _kerberos = _kind == HdfsKind.WebHdfs && webHdfs.Auth == WebHdfsAuth.Kerberos ? KerberosLogin.For(webHdfs.Kerberos) : null;
    }

    public async IAsyncEnumerable<CheckResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_kerberos is not null)
        {
            // The login's failure already says what to run.
            yield return await RunAsync("kerberos login", null, () => Task.Run(LoginToKerberos, cancellationToken));
        }

        yield return await RunAsync("source answers", "check the Source settings", () => _source.CheckAsync(cancellationToken));
        yield return await RunAsync("Spot:Root exists", _kind == HdfsKind.Local ? "check Hdfs:Local:Root and Spot:Root" : "check the Hdfs settings and Spot:Root", () => _home.ProbeAsync(cancellationToken));
        yield return await RunAsync("output writable", "check the Hdfs settings and that the worker's HDFS user may write to Spot:Root", () => ScratchFileAsync(cancellationToken));
        foreach (var receiver in _receivers.All)
        {
            // The receiver's message names the key to fix; nothing is announced.
            yield return await RunAsync($"{receiver.Name} usable", null, () => receiver.CheckAsync(cancellationToken));
        }

        yield return await DecisionsMatchAsync(cancellationToken);
    }

    /// <summary>Warns of decisions that name no threat of their date: a typo in a URI leaves a dismissed threat investigated.</summary>
    private async Task<CheckResult> DecisionsMatchAsync(CancellationToken cancellationToken)
    {
        const string Name = "decisions match threats";
        var started = _time.GetTimestamp();
        var unmatched = new List<Decision>();
        DecisionBook book;
        try
        {
            book = await _decisions.LoadAsync(cancellationToken);
            foreach (var date in book.Dates)
            {
                var selection = await ThreatSelection.ReadAsync(_source, date, book, _severities, cancellationToken);
                unmatched.AddRange(book.Unmatched(date, selection.Threats.Select(t => t.Uri)));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CheckResult(Name, false, _time.GetElapsedTime(started), $"{ex.Message} (fix: check Investigation:DecisionsPath and the decisions file)");
        }

        var elapsed = _time.GetElapsedTime(started);
        if (unmatched.Count == 0)
        {
            return new CheckResult(Name, true, elapsed, book.Count == 0 ? "no decisions" : $"each of the {book.Count} decisions names a threat of its date");
        }

        const int Listed = 20;
        var lines = unmatched.Take(Listed).Select(d => $"{Environment.NewLine}      line {d.Line}: {d.Date:yyyy-MM-dd} {d.Action.ToString().ToLowerInvariant()} {d.Uri}");
        var more = unmatched.Count > Listed ? $"{Environment.NewLine}      and {unmatched.Count - Listed} more" : string.Empty;
        return new CheckResult(
            Name,
            true,
            elapsed,
            $"{unmatched.Count} of {book.Count} decisions name no URI scored with severity {string.Join(" or ", _severities.Order())} on their date (a typo, or not scored yet), so nothing uses them:{string.Concat(lines)}{more}",
            Warning: true);
    }

    private async Task<string> ScratchFileAsync(CancellationToken cancellationToken)
    {
        var name = $".proxythreat-check-{Guid.NewGuid():N}";
        var scratch = HdfsPath.Combine(_layout.Root, name + ".tmp");
        var renamed = HdfsPath.Combine(_layout.Root, name + "-renamed.tmp");
        byte[] content = "proxythreat check"u8.ToArray();
        await _hdfs.CreateAsync(scratch, content, cancellationToken);
        try
        {
            await _hdfs.RenameAsync(scratch, renamed, cancellationToken);
            await using var stream = await _hdfs.OpenAsync(renamed, cancellationToken);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            if (!copy.ToArray().AsSpan().SequenceEqual(content))
            {
                throw new InvalidOperationException($"{_hdfs.Describe(renamed)} reads back other bytes than were written");
            }
        }
        finally
        {
            await _hdfs.DeleteAsync(scratch, cancellationToken);
            await _hdfs.DeleteAsync(renamed, cancellationToken);
        }

        var who = _principal is null ? "" : $", authenticated as {_principal}";
        return $"created, renamed, read back and deleted a scratch file in {_hdfs.Describe(_layout.Root)}{who}";
    }

    private string LoginToKerberos()
    {
        var ticket = _kerberos!.Login(_time);
        _principal = ticket.Principal;
        return $"{ticket.Principal} from {ticket.Source}, ticket valid until {ticket.Expires:u}";
    }

    private async Task<CheckResult> RunAsync(string name, string? fix, Func<Task<string>> check)
    {
        var started = _time.GetTimestamp();
        try
        {
            var detail = await check();
            return new CheckResult(name, true, _time.GetElapsedTime(started), detail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Each check's failure is its result: the operator sees every part's state at once. A missing Spot home
            // already says which setting to check.
            return new CheckResult(name, false, _time.GetElapsedTime(started), fix is null || ex is SpotHomeMissingException ? ex.Message : $"{ex.Message} (fix: {fix})");
        }
    }
}
