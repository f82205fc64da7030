namespace ProxyThreat.Worker.Tests.Configuration;

/// <summary>
/// The checks declared by annotations on the options' properties, run by the generated validators through the worker's
/// wiring: each failure names the key (a nested one too), the bounds and the value, and the hand-written checks of the
/// same section run too.
/// </summary>
public sealed class OptionsAnnotationsTests
{
    [Theory]
    [InlineData("Notify:Timeout must be from 00:00:01 to 00:10:00; got 00:00:00", "Notify:Timeout=00:00:00")]
    [InlineData("Notify:MaxRetryDelay must be from 00:00:00 to 1.00:00:00; got 2.00:00:00", "Notify:MaxRetryDelay=2.00:00:00")]
    [InlineData("Notify:Webhooks:1:Url is required", "Notify:Webhooks:0:Url=https://relay.example/", "Notify:Webhooks:1:Headers:X-Token=t")]
    [InlineData("Hooks:Timeout must be from 00:00:00.1000000 to 1.00:00:00; got 00:00:00", "Hooks:Timeout=00:00:00")]
    [InlineData("Investigation:MaxParallelThreats must be from 1 to 64; got 65", "Investigation:MaxParallelThreats=65")]
    [InlineData("Investigation:TimelineGap must be from 00:00:00 to 1.00:00:00; got 1.00:00:01", "Investigation:TimelineGap=1.00:00:01")]
    [InlineData("State:RetryDelay must be from 00:00:00 to 1.00:00:00; got -00:01:00", "State:RetryDelay=-00:01:00")]
    [InlineData("Source:GraphQL:MaxParallelSearches must be from 1 to 64; got 0", "Source:Kind=graphql", "Source:GraphQL:Endpoint=http://spot-oa:8889/graphql", "Source:GraphQL:MaxParallelSearches=0")]
    public void Build_ValueAnAnnotationRefuses_OneFailureNamingTheKeyAndWhatItTakes(string expected, params string[] settings)
    {
        var failures = WorkerSettings.Failures(settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], string? (s) => s[1]));

        Assert.Equal([expected], failures);
    }

    [Fact]
    public void Build_RangeAndCrossFieldFailuresInOneSection_BothReported()
    {
        var failures = WorkerSettings.Failures(new Dictionary<string, string?>
        {
            ["Investigation:TimelineGap"] = "1.00:00:00.5",
            ["Investigation:TopResults"] = "0",
        });

        Assert.Contains("Investigation:TimelineGap must be whole seconds; got 1.00:00:00.5000000", failures);
        Assert.Contains("Investigation:TimelineGap must be from 00:00:00 to 1.00:00:00; got 1.00:00:00.5000000", failures);
        Assert.Contains("Investigation:TopResults must be from 1 to 10000; got 0", failures);
        Assert.Equal(3, failures.Count);
    }
}
