namespace ProxyThreat.Worker.Tests;

/// <summary>The checkout the tests run from: the committed sample, the deploy files.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Join([Root, .. parts]);

    private static string Find()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Join(folder, "ProxyThreat.sln")))
        {
            folder = System.IO.Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("ProxyThreat.sln not found above " + AppContext.BaseDirectory);
        }

        return folder;
    }
}
