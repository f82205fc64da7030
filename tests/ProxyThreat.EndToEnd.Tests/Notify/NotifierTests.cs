using System.Text.Json.Nodes;
using ProxyThreat.EndToEnd.Tests.Notify.Fixtures;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Worker.Tests;

namespace ProxyThreat.EndToEnd.Tests.Notify;

/// <summary>
/// investigate and the service's firings announcing threats to a TheHive stand-in and a webhook receiver on
/// loopback, the worker's host in-process on a clock the test drives.
/// </summary>
public sealed class NotifierTests : IAsyncLifetime
{
    private const string U = SmallDay.U;
    private static readonly string Other = NotifyHarness.Other;
    private readonly NotifyHarness _run = new();
    private TheHiveStandIn _hive = null!;

    public async Task InitializeAsync()
    {
        await _run.SeedAsync();
        _hive = await TheHiveStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hive.DisposeAsync();
        await _run.CleanUpAsync();
    }

    private static string SourceRef(string uri) => TheHiveAlert.SourceRef(SmallDay.Day, SpotLayout.Md5(uri));

    /// <summary>U's alert, made by a first investigate in TheHive 5 or 4.1: its sourceRef, id, and the path observables are added to it at.</summary>
    private async Task<(string SourceRef, string Id, string Adding)> AlertOfUAsync(bool version41)
    {
        _hive.Version41 = version41;
        await _run.InvestigateAsync(Hive);
        var id = (string)_hive.AlertOf(SourceRef(U))["_id"]!;
        return (SourceRef(U), id, $"/api/v1/alert/{id}/{(version41 ? "artifact" : "observable")}");
    }

    private string[] Hive => [$"--Notify:TheHive:Url={_hive.Url}", $"--Notify:TheHive:ApiKey={_hive.ApiKey}"];

    private static string[] Webhook(Uri url) => [$"--Notify:Webhooks:0:Url={url}", "--Notify:Webhooks:0:Headers:Authorization=Bearer relay-token"];

    [Fact]
    public async Task Investigate_TwoThreatsWrittenThenRerun_OneAlertAndOneDocumentPerThreat_NothingOnTheRerun()
    {
        await using var hook = await WebhookStandIn.StartAsync();
        string[] settings = [.. Hive, .. Webhook(hook.Url)];

        var first = await _run.InvestigateAsync(settings);
        var requests = (_hive.Requests.Count, hook.Requests.Count);
        var rerun = await _run.InvestigateAsync(settings);

        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("notify: 4 delivered\n", first.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { SourceRef(U), SourceRef(Other) }.Order(), _hive.Alerts.Values.Select(a => (string)a["sourceRef"]!).Order());
        var alert = _hive.AlertOf(SourceRef(U));
        Assert.Equal(("proxythreat", "proxythreat", "Analyst", 3), ((string)alert["type"]!, (string)alert["source"]!, (string)alert["title"]!, (int)alert["severity"]!));
        Assert.All(_hive.Requests, r => Assert.Equal($"Bearer {_hive.ApiKey}", r.Header("Authorization")));
        Assert.Equal(2, hook.Posts.Count);
        Assert.All(hook.Posts, p => Assert.Equal(DocumentHash.Of(p.Body), p.Header("Idempotency-Key")));
        Assert.All(hook.Posts, p => Assert.Equal("Bearer relay-token", p.Header("Authorization")));
        Assert.Equal(new[] { U, Other }.Order(), hook.Posts.Select(p => (string)JsonNode.Parse(p.Body)!["uri"]!).Order());
        Assert.True(rerun.Code == 0, rerun.Output);
        Assert.Contains("notify: nothing new to announce\n", rerun.Output, StringComparison.Ordinal);
        Assert.Equal(requests, (_hive.Requests.Count, hook.Requests.Count));
    }

    [Fact]
    public async Task Service_FirstFiring_AnnouncesTheThreatsItWrote()
    {
        await using var hook = await WebhookStandIn.StartAsync();
        using var service = await _run.StartServiceAsync([.. Hive, .. Webhook(hook.Url)]);

        await hook.WaitForPostsAsync(2);
        await service.StopAsync();

        Assert.Equal(new[] { U, Other }.Order(), hook.Posts.Select(p => (string)JsonNode.Parse(p.Body)!["uri"]!).Order());
        Assert.Equal(new[] { SourceRef(U), SourceRef(Other) }.Order(), _hive.Alerts.Values.Select(a => (string)a["sourceRef"]!).Order());
    }

    [Fact]
    public async Task Investigate_ChangedDecision_UpdatesTheExistingAlertInsteadOfCreatingASecond_AddingNoObservable()
    {
        await using var hook = await WebhookStandIn.StartAsync();
        string[] settings = [.. Hive, .. Webhook(hook.Url)];
        await _run.InvestigateAsync(settings);
        var id = (string)_hive.AlertOf(SourceRef(U))["_id"]!;
        var before = _hive.Requests.Count;

        await _run.DecideAsync("C2 beacon, blocked at the proxy");
        var changed = await _run.InvestigateAsync(settings);

        Assert.True(changed.Code == 0, changed.Output);
        Assert.Equal(2, _hive.Alerts.Count);
        Assert.Equal("C2 beacon, blocked at the proxy", (string)_hive.Alerts[id]["title"]!);
        Assert.Equal(
            [("POST", "/api/v1/alert"), ("POST", "/api/v1/query?name=proxythreat-alert"), ("POST", "/api/v1/query?name=proxythreat-alert-observables"), ("PATCH", $"/api/v1/alert/{id}")],
            _hive.Requests.Skip(before).Select(r => (r.Method, r.Path)));
        var posts = hook.Posts;
        Assert.Equal(3, posts.Count);
        Assert.Equal("C2 beacon, blocked at the proxy", (string)JsonNode.Parse(posts[^1].Body)!["story"]!["title"]!);
        Assert.NotEqual(posts[0].Header("Idempotency-Key"), posts[^1].Header("Idempotency-Key"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Investigate_TheHive5Or41_AlertHoldsTheObservables(bool version41)
    {
        _hive.Version41 = version41;

        await _run.InvestigateAsync(Hive);

        var observables = ((JsonArray)_hive.AlertOf(SourceRef(U))["observables"]!).Select(o => ((string)o!["dataType"]!, (string)o["data"]!)).ToList();
        Assert.Equal([("url", U), ("domain", "bad.example"), ("ip", "10.0.0.1"), ("ip", "10.0.0.2")], observables);
        Assert.Equal(version41 ? 3 : 0, _hive.Requests.Count(r => r.Path.EndsWith("/artifact", StringComparison.Ordinal) && r.Path.Contains((string)_hive.AlertOf(SourceRef(U))["_id"]!, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Investigate_NewClientAndRefererSinceTheAlert_UpdateAddsExactlyTheMissingObservablesAndLeavesTheAnalystsAlone(bool version41)
    {
        var (sourceRef, id, adding) = await AlertOfUAsync(version41);
        var added = _hive.AddObservableAsAnalyst(sourceRef, "other", "INC-4711", "the ticket of this alert").DeepClone();
        var edited = _hive.ObservableOf(sourceRef, "ip", "10.0.0.1");
        edited["message"] = "the analyst's laptop";
        edited["tags"] = new JsonArray("known");
        edited = edited.DeepClone().AsObject();
        var before = _hive.Requests.Count;

        await _run.AddRequestsAsync();
        var changed = await _run.InvestigateAsync(Hive);
        var afterChange = _hive.Requests.Count;
        var rerun = await _run.InvestigateAsync(Hive);

        Assert.True(changed.Code == 0, changed.Output);
        Assert.Contains("notify: 1 delivered\n", changed.Output, StringComparison.Ordinal);
        Assert.Equal(
            [("url", U), ("domain", "bad.example"), ("ip", "10.0.0.1"), ("ip", "10.0.0.2"), ("other", "INC-4711"), ("ip", "10.0.0.4"), ("url", NotifyHarness.Referer)],
            _hive.ObservablesOf(sourceRef));
        Assert.True(JsonNode.DeepEquals(added, _hive.ObservableOf(sourceRef, "other", "INC-4711")));
        Assert.True(JsonNode.DeepEquals(edited, _hive.ObservableOf(sourceRef, "ip", "10.0.0.1")));
        Assert.Equal(
            [("ip", "[\"10.0.0.4\"]"), ("url", $"[\"{NotifyHarness.Referer}\"]")],
            _hive.Requests.Skip(before).Where(r => r.Path == adding).Select(r => JsonNode.Parse(r.Body)!).Select(a => ((string)a["dataType"]!, a["data"]!.ToJsonString())));
        Assert.Equal(
            ["POST /api/v1/alert", "POST /api/v1/query?name=proxythreat-alert", "POST /api/v1/query?name=proxythreat-alert-observables", $"POST {adding}", $"POST {adding}", $"PATCH /api/v1/alert/{id}"],
            _hive.Requests.Skip(before).Select(r => $"{r.Method} {r.Path}"));
        Assert.True(rerun.Code == 0, rerun.Output);
        Assert.Equal(afterChange, _hive.Requests.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Firings_ObservablesFailMidWay_TheUpdateIsRetriedAndAddsOnlyWhatIsStillMissing(bool version41)
    {
        var (sourceRef, _, adding) = await AlertOfUAsync(version41);
        await _run.AddRequestsAsync();
        _hive.FailObservableAddAfter(1);

        var failed = await _run.InvestigateAsync(Hive);
        var afterFailure = _hive.Requests.Count;
        var early = await _run.FiringAsync(Hive);
        _run.Time.Advance(TimeSpan.FromMinutes(2));
        var retried = await _run.FiringAsync(Hive);
        var after = await _run.FiringAsync(Hive);

        Assert.True(failed.Code == 0, failed.Output);
        Assert.Contains("notify: 1 failed", failed.Output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1), (early.Delivered, early.Failed, early.Waiting));
        Assert.Equal(1, retried.Delivered);
        Assert.True(after.IsEmpty);
        Assert.Equal(
            [("url", U), ("domain", "bad.example"), ("ip", "10.0.0.1"), ("ip", "10.0.0.2"), ("ip", "10.0.0.4"), ("url", NotifyHarness.Referer)],
            _hive.ObservablesOf(sourceRef));
        var retry = Assert.Single(_hive.Requests.Skip(afterFailure), r => r.Path == adding);
        Assert.Contains(NotifyHarness.Referer, retry.Body, StringComparison.Ordinal);
        Assert.Equal("Analyst", (string)_hive.AlertOf(sourceRef)["title"]!);
        Assert.Contains("10.0.0.4", (string)_hive.AlertOf(sourceRef)["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_OrganisationSet_EveryRequestActsInItAndTheChangeUpdatesTheAlertThere()
    {
        _hive.Organisations = ["ACME", "SOC Branch"];
        string[] settings = [.. Hive, "--Notify:TheHive:Organisation=SOC Branch"];

        var first = await _run.InvestigateAsync(settings);
        await _run.DecideAsync("Seen by the branch");
        await _run.AddRequestsAsync();
        var changed = await _run.InvestigateAsync(settings);

        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("notify: 2 delivered\n", first.Output, StringComparison.Ordinal);
        Assert.True(changed.Code == 0, changed.Output);
        Assert.Contains("notify: 1 delivered\n", changed.Output, StringComparison.Ordinal);
        Assert.All(_hive.Alerts.Values, a => Assert.Equal("SOC Branch", (string)a["_organisation"]!));
        Assert.Equal(2, _hive.Alerts.Count);
        Assert.Equal("Seen by the branch", (string)_hive.AlertOf(SourceRef(U))["title"]!);
        Assert.Contains(("ip", "10.0.0.4"), _hive.ObservablesOf(SourceRef(U)));
        Assert.All(_hive.Requests, r => Assert.Equal("SOC Branch", r.Header("X-Organisation")));
    }

    [Fact]
    public async Task Investigate_OrganisationTheUserIsNotIn_FailsNamingItAndKeepsTheAlerts()
    {
        var first = await _run.InvestigateAsync([.. Hive, "--Notify:TheHive:Organisation=Elsewhere"]);
        var status = await _run.StatusAsync(Hive);

        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("notify: 2 failed", first.Output, StringComparison.Ordinal);
        Assert.Empty(_hive.Alerts);
        Assert.Contains(
            $"TheHive 127.0.0.1:{_hive.Url.Port}: answered POST /api/v1/alert in organisation Elsewhere (Notify:TheHive:Organisation) with 404: 404 NotFoundError: Organisation not found",
            status,
            StringComparison.Ordinal);
        Assert.Contains("deliveries, 2016-07-08 to 2016-07-08: 0 pending, 2 failed, 0 delivered", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ChangedDecisionOfAnAlertImportedIntoACase_LeavesItAloneAndSaysSo()
    {
        await _run.InvestigateAsync(Hive);
        _hive.ImportIntoCase(SourceRef(U));

        await _run.DecideAsync("Changed after the case was opened");
        var changed = await _run.InvestigateAsync(Hive);

        Assert.Contains("notify: 1 left alone (imported into a case)\n", changed.Output, StringComparison.Ordinal);
        Assert.Equal("Analyst", (string)_hive.AlertOf(SourceRef(U))["title"]!);
        Assert.DoesNotContain(_hive.Requests, r => r.Method == "PATCH");
        Assert.Contains("deliveries, 2016-07-08 to 2016-07-08: 0 pending, 0 failed, 2 delivered", await _run.StatusAsync(Hive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Firings_ReceiverDownForADay_KeepEveryDocumentAndDeliverEachOnceWhenItComesBack()
    {
        var port = LoopbackServer.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/hooks/proxythreat");
        var settings = Webhook(url);

        var investigated = await _run.InvestigateAsync(settings);
        var status = await _run.StatusAsync(settings);
        var tries = 1;
        for (var firing = 0; firing < 24 * 4; firing++)
        {
            _run.Time.Advance(TimeSpan.FromMinutes(15));
            var tally = await _run.FiringAsync(settings);
            Assert.Equal(0, tally.Delivered);
            tries += tally.Failed;
        }

        await using var hook = await WebhookStandIn.StartAsync(port);
        _run.Time.Advance(TimeSpan.FromHours(1));
        var back = await _run.FiringAsync(settings);
        var after = await _run.FiringAsync(settings);

        // The investigation itself succeeded; its documents waited.
        Assert.True(investigated.Code == 0, investigated.Output);
        Assert.Contains("notify: 1 failed, 1 waiting to retry; what was not delivered is kept in the ledger", investigated.Output, StringComparison.Ordinal);
        Assert.Contains($"2016-07-08 failed    {U}  to webhook 0 (http://127.0.0.1:{port})  attempts=1 next-try=2016-07-09T06:01:00Z  error: webhook 0 (http://127.0.0.1:{port}): cannot be reached: Connection refused", status, StringComparison.Ordinal);
        Assert.Contains("deliveries, 2016-07-08 to 2016-07-08: 1 pending, 1 failed, 0 delivered", status, StringComparison.Ordinal);

        // Tried about hourly once the delay reached its cap (Notify:MaxRetryDelay), not at each of the 96 firings, and never given up.
        Assert.InRange(tries, 20, 60);
        Assert.Equal(2, back.Delivered);
        Assert.True(after.IsEmpty);
        Assert.Equal(new[] { U, Other }.Order(), hook.Posts.Select(p => (string)JsonNode.Parse(p.Body)!["uri"]!).Order());
        Assert.Contains("deliveries, 2016-07-08 to 2016-07-08: 0 pending, 0 failed, 2 delivered", await _run.StatusAsync(settings), StringComparison.Ordinal);
    }
}
