using Microsoft.Extensions.Time.Testing;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Tests.Ledger;

public sealed class DuePolicyTests
{
    private static readonly DateOnly Day = new(2016, 7, 8);
    private static readonly RetrySettings Retry = new(3, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));
    private static readonly ThreatInputs Inputs = new("1", "Title", "Text", "investigate");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2016, 7, 9, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Decide_NoEntry_IsNew()
    {
        Assert.Equal(DueReason.New, DuePolicy.Decide(null, Inputs, _time.GetUtcNow(), Retry));
    }

    [Fact]
    public void Decide_DoneWithSameInputs_IsUpToDate()
    {
        var done = Record(null, ThreatStatus.Written);
        _time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(DueReason.UpToDate, DuePolicy.Decide(done, Inputs, _time.GetUtcNow(), Retry));
    }

    [Theory]
    [InlineData("2", "Title", "Text", "investigate")]
    [InlineData("1", "New title", "Text", "investigate")]
    [InlineData("1", "Title", "New text", "investigate")]
    [InlineData("1", "Title", "Text", "dismiss")]
    [InlineData("1", "Title", "Text", null)]
    public void Decide_ScoreOrDecisionChanged_IsChanged(string score, string? title, string? text, string? action)
    {
        var done = Record(null, ThreatStatus.Written);

        Assert.Equal(DueReason.Changed, DuePolicy.Decide(done, new ThreatInputs(score, title, text, action), _time.GetUtcNow(), Retry));
    }

    [Fact]
    public void Decide_DismissedWithSameDecision_IsLeftAlone()
    {
        var dismissed = Record(null, ThreatStatus.Dismissed);

        Assert.Equal(LedgerState.Dismissed, dismissed.State);
        Assert.Equal(DueReason.Dismissed, DuePolicy.Decide(dismissed, Inputs, _time.GetUtcNow(), Retry));
    }

    [Fact]
    public void Decide_Failed_WaitsAGrowingDelayThenRetriesThenGivesUp()
    {
        var first = Record(null, ThreatStatus.Failed);
        Assert.Equal((LedgerState.Failed, 1), (first.State, first.Attempts));
        Assert.Equal(DueReason.Waiting, DuePolicy.Decide(first, Inputs, _time.GetUtcNow(), Retry));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(DueReason.Retry, DuePolicy.Decide(first, Inputs, _time.GetUtcNow(), Retry));

        var second = Record(first, ThreatStatus.Failed);
        Assert.Equal(2, second.Attempts);
        _time.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(DueReason.Waiting, DuePolicy.Decide(second, Inputs, _time.GetUtcNow(), Retry));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DueReason.Retry, DuePolicy.Decide(second, Inputs, _time.GetUtcNow(), Retry));

        var third = Record(second, ThreatStatus.Failed);
        Assert.Equal((LedgerState.GivenUp, 3), (third.State, third.Attempts));
        _time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(DueReason.GivenUp, DuePolicy.Decide(third, Inputs, _time.GetUtcNow(), Retry));
        Assert.Equal(DueReason.Changed, DuePolicy.Decide(third, Inputs with { Title = "Looked again" }, _time.GetUtcNow(), Retry));
    }

    [Fact]
    public void RetryDelay_DoublesAndIsCapped()
    {
        int[] attempts = [1, 2, 3, 10];

        Assert.Equal(
            [TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)],
            attempts.Select(a => DuePolicy.RetryDelay(a, Retry)));
    }

    [Fact]
    public void Record_SuccessAfterFailures_ResetsAttemptsAndKeepsRowsAndTime()
    {
        var failed = Record(Record(null, ThreatStatus.Failed), ThreatStatus.Failed);
        _time.Advance(TimeSpan.FromHours(1));

        var done = Record(failed, ThreatStatus.Written, rows: 42);

        Assert.Equal(LedgerState.Done, done.State);
        Assert.Equal(0, done.Attempts);
        Assert.Null(done.LastError);
        Assert.Equal(42, done.Rows);
        Assert.Equal(_time.GetUtcNow(), done.LastSuccessAt);
    }

    [Fact]
    public void Record_FailureWithNewInputs_CountsFromOne()
    {
        var givenUp = Record(Record(Record(null, ThreatStatus.Failed), ThreatStatus.Failed), ThreatStatus.Failed);

        var again = DuePolicy.Record(givenUp, Inputs with { Score = "2" }, Outcome(ThreatStatus.Failed, 0), _time.GetUtcNow(), Retry);

        Assert.Equal((LedgerState.Failed, 1), (again.State, again.Attempts));
    }

    private LedgerEntry Record(LedgerEntry? previous, ThreatStatus status, int rows = 3) =>
        DuePolicy.Record(previous, Inputs, Outcome(status, rows), _time.GetUtcNow(), Retry);

    private static ThreatOutcome Outcome(ThreatStatus status, int rows) =>
        new(Day, "http://a/", status, rows, 1, TimeSpan.Zero, Error: status == ThreatStatus.Failed ? new IOException("disk full") : null);
}
