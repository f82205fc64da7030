using System.Text;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs;

/// <summary>Adapters on the emulator, with test-sized timeouts and backoff.</summary>
internal static class Clients
{
    public static WebHdfsFileSystem Create(bool httpFs, Action<WebHdfsOptions>? configure, params Uri[] nameNodes) =>
        new(Options(httpFs, configure, nameNodes));

    public static WebHdfsOptions Options(bool httpFs, Action<WebHdfsOptions>? configure, params Uri[] nameNodes)
    {
        var options = new WebHdfsOptions
        {
            User = "spot",
            Gateway = httpFs ? WebHdfsGateway.HttpFs : WebHdfsGateway.WebHdfs,
            Timeout = TimeSpan.FromSeconds(5),
            Retries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(1),
        };
        foreach (var nameNode in nameNodes)
        {
            options.NameNodes.Add(nameNode.GetLeftPart(UriPartial.Authority));
        }

        configure?.Invoke(options);
        return options;
    }

    public static WebHdfsFileSystem Create(Emulator.WebHdfsEmulator emulator, Action<WebHdfsOptions>? configure = null) =>
        Create(emulator.HttpFs, configure, emulator.NameNode);

    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task<string> ReadAllAsync(this ProxyThreat.Pipeline.Hdfs.IHdfs hdfs, string path)
    {
        await using var stream = await hdfs.OpenAsync(path, CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
