using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Pipeline;

namespace ProxyThreat.Worker.Ledger;

/// <summary>Registers the ledger's settings and its table of threats.</summary>
public static class LedgerServiceCollectionExtensions
{
    public static IServiceCollection AddProxyThreatLedger(this IServiceCollection services)
    {
        services.AddValidatedOptions<StateOptions, StateOptionsValidator, StateOptionsAnnotationsValidator>(StateOptions.Section);
        services.AddSingleton<ThreatLedger>();
        return services;
    }
}
