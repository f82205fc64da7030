using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;

/// <summary>Writes answers the way Hadoop's WebHDFS servers do.</summary>
internal static class Answers
{
    public static Task RemoteAsync(HttpContext context, int status, string exception, string message, string package = "java.io") =>
        JsonAsync(context, status, new
        {
            RemoteException = new { exception, javaClassName = $"{package}.{exception}", message },
        });

    public static Task StandbyAsync(HttpContext context) =>
        RemoteAsync(context, 403, "StandbyException", "Operation category READ is not supported in state standby", "org.apache.hadoop.ipc");

    public static Task NotFoundAsync(HttpContext context, string message) =>
        RemoteAsync(context, 404, "FileNotFoundException", message);

    public static Task DeniedAsync(HttpContext context, string path) =>
        RemoteAsync(context, 403, "AccessControlException", $"Permission denied: user=spot, access=WRITE, inode=\"{path}\":hdfs:supergroup:drwxr-xr-x", "org.apache.hadoop.security");

    public static Task BooleanAsync(HttpContext context, bool value) => JsonAsync(context, 200, new { boolean = value });

    public static async Task JsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public static object Status(FileSystemInfo info, string suffix) => new
    {
        pathSuffix = suffix,
        type = info is DirectoryInfo ? "DIRECTORY" : "FILE",
        length = info is FileInfo file ? file.Length : 0,
        owner = "spot",
        group = "supergroup",
        permission = "644",
        replication = 3,
        blockSize = 134217728,
        modificationTime = 0,
        accessTime = 0,
    };
}
