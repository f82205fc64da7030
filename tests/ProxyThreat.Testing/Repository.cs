namespace ProxyThreat.Testing;

/// <summary>The checkout the tests run from: the committed sample, the deploy files, the worker's sources.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Join([Root, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Join(folder.FullName, "ProxyThreat.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no ProxyThreat.sln above {AppContext.BaseDirectory}");
    }
}
