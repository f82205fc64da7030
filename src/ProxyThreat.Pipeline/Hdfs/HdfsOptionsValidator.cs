using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Checks the <c>Hdfs</c> section at start; each message names the key.</summary>
public sealed class HdfsOptionsValidator : IValidateOptions<HdfsOptions>
{
    public ValidateOptionsResult Validate(string? name, HdfsOptions options) =>
        options.Kind == HdfsKind.Local && string.IsNullOrWhiteSpace(options.Local.Root)
            ? ValidateOptionsResult.Fail("Hdfs:Local:Root must name a folder")
            : ValidateOptionsResult.Success;
}
