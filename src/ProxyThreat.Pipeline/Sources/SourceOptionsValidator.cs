using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Sources;

/// <summary>Checks the <c>Source</c> section at start; each message names the key.</summary>
public sealed class SourceOptionsValidator : IValidateOptions<SourceOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        if (options.Kind == SourceKind.Tables)
        {
            if (string.IsNullOrWhiteSpace(options.Tables.Root))
            {
                return ValidateOptionsResult.Fail("Source:Tables:Root must name a folder");
            }

            if (!Directory.Exists(options.Tables.Root))
            {
                return ValidateOptionsResult.Fail($"Source:Tables:Root names '{Path.GetFullPath(options.Tables.Root)}', which is not a folder");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
