using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Sources.GraphQL;

namespace ProxyThreat.Pipeline.Sources;

/// <summary>Checks the <c>Source</c> section at start, the chosen kind's settings only; each message names the key.</summary>
public sealed class SourceOptionsValidator : IValidateOptions<SourceOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceOptions options) => options.Kind switch
    {
        SourceKind.Tables when string.IsNullOrWhiteSpace(options.Tables.Root) =>
            ValidateOptionsResult.Fail("Source:Tables:Root is not set: name the folder standing for HDFS / that holds Spot's tables, or set Source:Kind to graphql"),
        SourceKind.Tables when !Directory.Exists(options.Tables.Root) =>
            ValidateOptionsResult.Fail($"Source:Tables:Root names '{Path.GetFullPath(options.Tables.Root)}', which is not a folder"),
        SourceKind.GraphQL => new GraphQLSourceOptionsValidator().Validate(name, options.GraphQL),
        _ => ValidateOptionsResult.Success,
    };
}
