namespace ProxyThreat.SampleData.Internal;

/// <summary>The hosts behind the scored URIs (addresses from the documentation ranges).</summary>
internal static class ThreatSites
{
    public static Site Gate { get; } = Make("ads.rotator-cdn-gate.biz", "203.0.113.14", "Suspicious");

    public static Site Dropper { get; } = Make("dl.softupdate-center.top", "203.0.113.52", "Malicious Sources/Malnets");

    public static Site Phishing { get; } = Make("xn--sparkasse-kontoprfung-pic.com", "203.0.113.90", "Phishing");

    public static Site Botnet { get; } = Make("203.0.113.77", "203.0.113.77", "Malicious Outbound Data/Botnets");

    public static Site CredentialPhish { get; } = Make("login.microsoftonline.com.account-verify.info", "198.51.100.200", "Phishing");

    public static Site Adware { get; } = Make("cdn.freestream-hd.co", "198.51.100.233", "Spyware/Adware");

    /// <summary>Where the malvertising gate sends its visitors, the phishing download among them.</summary>
    public static IReadOnlyList<(string Uri, Site Site)> GateTargets { get; } =
    [
        ("http://ads.rotator-cdn-gate.biz/lp/flash_update.html?cid=4471", Gate),
        ("http://ads.rotator-cdn-gate.biz/lp/js/fp.js", Gate),
        ("http://dl.softupdate-center.top/get/FlashPlayer_Update_22.0.0.209.exe", Dropper),
        (SampleThreats.PhishingDownload, Phishing),
        ("http://ads.rotator-cdn-gate.biz/lp/img/px.gif?cid=4471&e=view", Gate),
    ];

    private static Site Make(string host, string ip, string category) =>
        new(host, ip, category, "http", 0, SiteKind.Browsed, "-", [], []);
}
