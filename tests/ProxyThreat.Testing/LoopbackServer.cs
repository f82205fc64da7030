using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProxyThreat.Testing;

/// <summary>Kestrel on 127.0.0.1, on a free port, without logging; with a certificate, over HTTPS.</summary>
public static class LoopbackServer
{
    /// <summary>Starts a server whose endpoints <paramref name="map"/> sets up; returns it with its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null, Action<KestrelServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            configure?.Invoke(k);
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address));
    }
}
