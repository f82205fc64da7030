namespace ProxyThreat.Pipeline.Spot;

/// <summary>Configuration section <c>Spot</c>.</summary>
public sealed class SpotOptions
{
    public const string Section = "Spot";

    /// <summary>Spot's HDFS home (HUSER in spot.conf).</summary>
    public string Root { get; set; } = "/user/spot";
}
