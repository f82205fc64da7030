using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.Hdfs;

/// <summary>Checks the <c>Hdfs</c> section at start, the chosen kind's settings only; each message names the key.</summary>
public sealed class HdfsOptionsValidator : IValidateOptions<HdfsOptions>
{
    public ValidateOptionsResult Validate(string? name, HdfsOptions options) => options.Kind switch
    {
        HdfsKind.Local when string.IsNullOrWhiteSpace(options.Local.Root) =>
            ValidateOptionsResult.Fail("Hdfs:Local:Root is not set: name the folder standing for HDFS / that results are written to, or set Hdfs:Kind to webhdfs"),
        HdfsKind.Local when File.Exists(options.Local.Root) =>
            ValidateOptionsResult.Fail($"Hdfs:Local:Root names '{Path.GetFullPath(options.Local.Root)}', which is a file, not a folder"),
        HdfsKind.WebHdfs => new WebHdfsOptionsValidator().Validate(name, options.WebHdfs),
        _ => ValidateOptionsResult.Success,
    };
}
