using ProxyThreat.Worker.Ledger;

namespace ProxyThreat.Worker.Tests.Ledger;

public sealed class LedgerPathTests
{
    [Fact]
    public void Resolve_StatePathSet_ItsFullPathWhateverTheStateDirectory()
    {
        var path = LedgerPath.Resolve(new StateOptions { Path = "other/ledger.sqlite" }, "/var/lib/proxythreat");

        Assert.Equal(Path.GetFullPath("other/ledger.sqlite"), path);
    }

    [Theory]
    [InlineData("/var/lib/proxythreat", "/var/lib/proxythreat/ledger.db")]
    [InlineData("/var/lib/proxythreat:/var/lib/other", "/var/lib/proxythreat/ledger.db")]
    public void Resolve_NoStatePath_LedgerDbInTheFirstStateDirectory(string stateDirectory, string expected)
    {
        Assert.Equal(expected, LedgerPath.Resolve(new StateOptions(), stateDirectory));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Resolve_NoStatePathNorStateDirectory_StateLedgerDbUnderTheWorkingDirectory(string? stateDirectory)
    {
        Assert.Equal(Path.GetFullPath("state/ledger.db"), LedgerPath.Resolve(new StateOptions(), stateDirectory));
    }
}
