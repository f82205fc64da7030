using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Hdfs;

namespace ProxyThreat.Pipeline.Spot;

/// <summary>Checks the <c>Spot</c> section at start.</summary>
public sealed class SpotOptionsValidator : IValidateOptions<SpotOptions>
{
    public ValidateOptionsResult Validate(string? name, SpotOptions options)
    {
        try
        {
            HdfsPath.Normalize(options.Root ?? string.Empty);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"Spot:Root must be an absolute HDFS path such as /user/spot; got '{options.Root}'");
        }
    }
}
