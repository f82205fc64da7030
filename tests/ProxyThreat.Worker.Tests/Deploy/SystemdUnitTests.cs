using System.Diagnostics;

namespace ProxyThreat.Worker.Tests.Deploy;

public sealed class SystemdUnitTests
{
    [SkippableFact]
    public async Task VerifyUnit_SystemdAnalyzeAcceptsTheUnit()
    {
        var script = Repository.Path("deploy", "systemd", "verify-unit.sh");
        Skip.If(!File.Exists("/usr/bin/systemd-analyze") && !File.Exists("/bin/systemd-analyze"), "systemd-analyze is not installed: the unit cannot be verified here (.ci/run installs it)");

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains("verified", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_ConfigurationErrorExitCode_IsNotRestartedInALoop()
    {
        var unit = await File.ReadAllLinesAsync(Repository.Path("deploy", "systemd", "proxythreat.service"));

        // Exit 2 is a bad configuration: restarting every 30 s would only repeat the same message.
        Assert.Contains("RestartPreventExitStatus=2", unit);
        Assert.Contains("Restart=on-failure", unit);
    }
}
