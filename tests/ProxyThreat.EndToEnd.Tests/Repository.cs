namespace ProxyThreat.EndToEnd.Tests;

/// <summary>The checkout the tests run from, for the committed sample.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Join(folder, "ProxyThreat.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("ProxyThreat.sln not found above the test folder");
        }

        return folder;
    }
}
