using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Pipeline;

namespace ProxyThreat.Worker.Report;

/// <summary>Registers what makes and publishes the date reports.</summary>
public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddProxyThreatReport(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReportOptions>(ReportOptions.Section);
        services.AddSingleton<ReportMaker>();
        services.AddSingleton<ReportPublisher>();
        return services;
    }
}
