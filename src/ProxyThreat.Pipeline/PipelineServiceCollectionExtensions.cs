using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Checks;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Report;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Sources.GraphQL;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Tls;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Pipeline;

/// <summary>Registers the pipeline: its options (validated at start), the configured source and output.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddProxyThreatPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<SourceOptions, SourceOptionsValidator>(SourceOptions.Section);
        services.AddValidatedOptions<HdfsOptions, HdfsOptionsValidator>(HdfsOptions.Section);
        services.AddValidatedOptions<SpotOptions, SpotOptionsValidator>(SpotOptions.Section);
        services.AddValidatedOptions<InvestigationOptions, InvestigationOptionsValidator, InvestigationOptionsAnnotationsValidator>(InvestigationOptions.Section);
        services.AddValidatedOptions<NotifyOptions, NotifyOptionsValidator, NotifyOptionsAnnotationsValidator>(NotifyOptions.Section);

        services.AddSingleton(sp => new SpotLayout(sp.GetRequiredService<IOptions<SpotOptions>>().Value.Root));
        services.AddSingleton<IThreatSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SourceOptions>>().Value;
            return options.Kind switch
            {
                SourceKind.Tables => new TablesSource(new LocalHdfs(options.Tables.Root!), sp.GetRequiredService<SpotLayout>()),
                SourceKind.GraphQL => CreateGraphQLSource(sp, options.GraphQL),
                _ => throw new InvalidOperationException($"Source:Kind {options.Kind} is not supported"),
            };
        });
        services.AddSingleton<IHdfs>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HdfsOptions>>().Value;
            return options.Kind switch
            {
                HdfsKind.Local => new LocalHdfs(options.Local.Root!),
                HdfsKind.WebHdfs => new WebHdfsFileSystem(options.WebHdfs, sp.GetRequiredService<ILogger<WebHdfsFileSystem>>(), sp.GetRequiredService<TimeProvider>()),
                _ => throw new InvalidOperationException($"Hdfs:Kind {options.Kind} is not supported"),
            };
        });
        services.AddSingleton(sp => new SpotWriter(sp.GetRequiredService<IHdfs>(), sp.GetRequiredService<SpotLayout>(), sp.GetRequiredService<IOptions<HdfsOptions>>().Value.Kind));
        services.AddSingleton(sp => new ReportReader(sp.GetRequiredService<IHdfs>(), sp.GetRequiredService<SpotLayout>()));
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<SourceReadRecorder>();
        services.AddSingleton<Investigator>();
        services.AddSingleton<NotifyReceivers>();
        services.AddSingleton<ReadinessCheck>();
        return services;
    }

    private static GraphQLSource CreateGraphQLSource(IServiceProvider services, GraphQLSourceOptions options)
    {
        var wrapped = Options.Create(options);
        var client = new GraphQLHttpClient(
            new HttpClient(HttpHandlers.Create(options.CaBundlePath, $"{GraphQLSourceOptions.Section}:CaBundlePath")),
            wrapped,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<GraphQLHttpClient>>());
        return new GraphQLSource(client, wrapped, new SpillFolder(string.IsNullOrWhiteSpace(options.SpillFolder) ? SpillFolder.DefaultPath : options.SpillFolder));
    }
}
