using Microsoft.Extensions.DependencyInjection;

namespace ProxyThreat.Worker.Notify;

/// <summary>Registers the alerts' sender and its table of the ledger.</summary>
public static class NotifyServiceCollectionExtensions
{
    public static IServiceCollection AddProxyThreatNotify(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<Notifier>();
        return services;
    }
}
