using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProxyThreat.Pipeline;

/// <summary>
/// Keys renamed when every duration became a <see cref="TimeSpan"/>. For one release an old key still works,
/// converted from seconds, with a warning that names the new key. Of the configuration's layers, the highest
/// that sets either key wins, as if the old key had always been the new one.
/// </summary>
public static class RenamedKeys
{
    private static readonly (string Old, string New)[] Seconds =
    [
        ("Investigation:TimelineGapSeconds", "Investigation:TimelineGap"),
        ("Schedule:ShutdownSeconds", "Schedule:ShutdownTimeout"),
        ("Source:GraphQL:TimeoutSeconds", "Source:GraphQL:Timeout"),
    ];

    /// <summary>Sets the new key wherever an old one decides the value.</summary>
    /// <returns>One warning per old key in use, and what is wrong with old keys whose value is not a number of seconds.</returns>
    public static (IReadOnlyList<string> Warnings, IReadOnlyList<string> Problems) Apply(ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = ((IConfigurationRoot)configuration).Providers.Reverse().ToList();
        var converted = new Dictionary<string, string?>();
        var (warnings, problems) = (new List<string>(), new List<string>());
        foreach (var (old, renamed) in Seconds)
        {
            string? value = null;
            var decides = providers.FirstOrDefault(p => p.TryGet(old, out value) || p.TryGet(renamed, out _));
            if (decides is null || value is null)
            {
                continue;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds)
            {
                problems.Add($"{old} '{value}' is not a number of seconds (the key is renamed {renamed}: write a duration such as 00:05:00)");
                continue;
            }

            var duration = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
            converted[renamed] = duration;
            warnings.Add($"{old} is renamed {renamed} and stops working in the next release: set {renamed}={duration} instead");
        }

        if (converted.Count > 0)
        {
            configuration.AddInMemoryCollection(converted);
        }

        return (warnings, problems);
    }

    /// <summary>Whether <paramref name="key"/> of <paramref name="section"/> is an old key whose new key is set beside it, so binding passes over it.</summary>
    internal static bool IsReplaced(IConfigurationSection section, IConfigurationSection key) =>
        Seconds.Any(k => string.Equals(key.Path, k.Old, StringComparison.OrdinalIgnoreCase) && section[k.New[(k.New.LastIndexOf(':') + 1)..]] is not null);
}
