namespace ProxyThreat.Worker.Tests.Deploy;

/// <summary>deploy/install.sh run the way a package build runs it: staged under a prefix, twice.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-install-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Published => Path.Join(_dir.FullName, "published");

    private string Root => Path.Join(_dir.FullName, "root");

    private string Calls => Path.Join(_dir.FullName, "system-calls");

    [Fact]
    public async Task Install_WithPrefix_StagesProgramConfigurationAndUnitButNotTheInstallersOwnFiles()
    {
        await PublishAsync("program v1");

        var (code, output, error) = await InstallAsync("--prefix", Root, "--no-start");

        Assert.True(code == 0, output + error);
        Assert.Equal("program v1", await File.ReadAllTextAsync(Path.Join(Root, "opt/proxythreat/proxythreat")));
        Assert.True(File.Exists(Path.Join(Root, "opt/proxythreat/README.md")));
        Assert.Equal(["README.md", "proxythreat"], Directory.GetFiles(Path.Join(Root, "opt/proxythreat")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(await File.ReadAllTextAsync(Repository.Path("deploy", "appsettings.example.json")), await File.ReadAllTextAsync(Path.Join(Root, "etc/proxythreat/appsettings.json")));
        Assert.Equal(await File.ReadAllTextAsync(Repository.Path("deploy", "systemd", "proxythreat.service")), await File.ReadAllTextAsync(Path.Join(Root, "etc/systemd/system/proxythreat.service")));

        // Packaging touches no user and no service.
        Assert.False(File.Exists(Calls), File.Exists(Calls) ? await File.ReadAllTextAsync(Calls) : null);
    }

    [Fact]
    public async Task Install_Again_UpgradesTheProgramKeepsTheConfigurationAndRefreshesTheExample()
    {
        await PublishAsync("program v1");
        Assert.Equal(0, (await InstallAsync("--prefix", Root)).ExitCode);
        var settings = Path.Join(Root, "etc/proxythreat/appsettings.json");
        await File.WriteAllTextAsync(settings, "{ \"Spot\": { \"Root\": \"/user/edited\" } }");
        await PublishAsync("program v2");

        var (code, output, error) = await InstallAsync($"--prefix={Root}");

        Assert.True(code == 0, output + error);
        Assert.Equal("program v2", await File.ReadAllTextAsync(Path.Join(Root, "opt/proxythreat/proxythreat")));
        Assert.Equal("{ \"Spot\": { \"Root\": \"/user/edited\" } }", await File.ReadAllTextAsync(settings));
        Assert.True(File.Exists(Path.Join(Root, "etc/proxythreat/appsettings.example.json")));
        Assert.False(Directory.Exists(Path.Join(Root, "opt/proxythreat.new")));
    }

    [Theory]
    [InlineData("unknown option '--frob'", "--frob")]
    [InlineData("--prefix needs a folder", "--prefix")]
    public async Task Install_BadOption_ExitsTwoSayingWhat(string message, params string[] args)
    {
        await PublishAsync("program");

        var (code, _, error) = await InstallAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    /// <summary>A published folder as deploy/publish.sh makes it, with a stand-in program.</summary>
    private async Task PublishAsync(string program)
    {
        Directory.CreateDirectory(Published);
        await File.WriteAllTextAsync(Path.Join(Published, "proxythreat"), program);
        await File.WriteAllTextAsync(Path.Join(Published, "README.md"), "readme");
        File.Copy(Repository.Path("deploy", "install.sh"), Path.Join(Published, "install.sh"), overwrite: true);
        File.Copy(Repository.Path("deploy", "systemd", "proxythreat.service"), Path.Join(Published, "proxythreat.service"), overwrite: true);
        File.Copy(Repository.Path("deploy", "appsettings.example.json"), Path.Join(Published, "appsettings.example.json"), overwrite: true);
    }

    /// <summary>Runs the script with commands that change the system replaced by ones that record being called.</summary>
    private async Task<(int ExitCode, string Output, string Error)> InstallAsync(params string[] args)
    {
        var bin = Path.Join(_dir.FullName, "bin");
        Directory.CreateDirectory(bin);
        foreach (var command in new[] { "systemctl", "useradd", "chown", "restorecon" })
        {
            var fake = Path.Join(bin, command);
            await File.WriteAllTextAsync(fake, $"#!/bin/sh\necho \"{command} $*\" >> '{Calls}'\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", [Path.Join(Published, "install.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
