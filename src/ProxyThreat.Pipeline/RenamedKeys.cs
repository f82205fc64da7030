using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProxyThreat.Pipeline;

/// <summary>
/// Keys renamed: every duration became a <see cref="TimeSpan"/>, and the ledger's retry settings moved to its own
/// section. For one release an old key still works, with a warning that names the new key: a number of seconds is
/// converted to a duration, a key that only moved keeps its value. Of the configuration's layers, the highest that
/// sets either key wins, as if the old key had always been the new one.
/// </summary>
public static class RenamedKeys
{
    private static readonly Rename[] Renames =
    [
        new("Investigation:TimelineGapSeconds", "Investigation:TimelineGap", FromSeconds: true),
        new("Schedule:ShutdownSeconds", "Schedule:ShutdownTimeout", FromSeconds: true),
        new("Source:GraphQL:TimeoutSeconds", "Source:GraphQL:Timeout", FromSeconds: true),
        new("Schedule:MaxAttempts", "State:MaxAttempts"),
        new("Schedule:RetryDelay", "State:RetryDelay"),
    ];

    /// <summary>Sets the new key wherever an old one decides the value.</summary>
    /// <returns>One warning per old key in use, and what is wrong with old keys whose value is not a number of seconds.</returns>
    public static (IReadOnlyList<string> Warnings, IReadOnlyList<string> Problems) Apply(ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = ((IConfigurationRoot)configuration).Providers.Reverse().ToList();
        var converted = new Dictionary<string, string?>();
        var (warnings, problems) = (new List<string>(), new List<string>());
        foreach (var (old, renamed, fromSeconds) in Renames)
        {
            string? value = null;
            var decides = providers.FirstOrDefault(p => p.TryGet(old, out value) || p.TryGet(renamed, out _));
            if (decides is null || value is null)
            {
                continue;
            }

            if (fromSeconds)
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds)
                {
                    problems.Add($"{old} '{value}' is not a number of seconds (the key is renamed {renamed}: write a duration such as 00:05:00)");
                    continue;
                }

                value = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
            }

            converted[renamed] = value;
            warnings.Add($"{old} is renamed {renamed} and stops working in the next release: set {renamed}={value} instead");
        }

        if (converted.Count > 0)
        {
            configuration.AddInMemoryCollection(converted);
        }

        return (warnings, problems);
    }

    /// <summary>The old keys whose new key is set, which binding passes over.</summary>
    internal static IReadOnlySet<string> Replaced(IConfiguration configuration) =>
        Renames.Where(r => configuration[r.New] is not null).Select(r => r.Old).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <param name="FromSeconds">Whether the old key held whole seconds and the new one a duration.</param>
    private sealed record Rename(string Old, string New, bool FromSeconds = false);
}
