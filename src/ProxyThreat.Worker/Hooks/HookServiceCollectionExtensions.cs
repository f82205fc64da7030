using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Pipeline;

namespace ProxyThreat.Worker.Hooks;

/// <summary>Registers the after-date hook and its table of the ledger.</summary>
public static class HookServiceCollectionExtensions
{
    public static IServiceCollection AddProxyThreatHooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<HookOptions, HookOptionsValidator, HookOptionsAnnotationsValidator>(HookOptions.Section);
        services.AddSingleton<HookLedger>();
        services.AddSingleton<AfterDateHook>();
        return services;
    }
}
