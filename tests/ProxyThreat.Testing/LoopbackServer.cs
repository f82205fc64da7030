using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProxyThreat.Testing;

/// <summary>Kestrel on 127.0.0.1, without logging; with a certificate, over HTTPS.</summary>
public static class LoopbackServer
{
    /// <summary>Starts a server on a free port, whose endpoints <paramref name="map"/> sets up; returns it with its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null, Action<KestrelServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var app = Create(0, certificate, configure);
        map(app);
        await app.StartAsync();
        return (app, Address(app));
    }

    /// <summary>A server not started yet, on <paramref name="port"/> (0: a free one).</summary>
    public static WebApplication Create(int port, X509Certificate2? certificate = null, Action<KestrelServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            configure?.Invoke(k);
            k.Listen(IPAddress.Loopback, port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        return builder.Build();
    }

    /// <summary>The address a started server listens on.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>A port free a moment ago: connecting is refused until a server starts on it.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
