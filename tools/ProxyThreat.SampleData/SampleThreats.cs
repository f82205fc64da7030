namespace ProxyThreat.SampleData;

/// <summary>The day the sample covers and the URIs scored on it, with the role each plays.</summary>
public static class SampleThreats
{
    public static DateOnly Date { get; } = new(2016, 7, 8);

    /// <summary>Severity 1, the richest: a malvertising gate many pages link to and that sends users on to several pages.</summary>
    public const string MalvertisingGate = "http://ads.rotator-cdn-gate.biz/lp/gate.php?cid=4471&sub=news";

    /// <summary>Severity 1: a phishing download whose URI holds a double quote, a literal <c>%20</c> and non-ASCII text.</summary>
    public const string PhishingDownload =
        "http://xn--sparkasse-kontoprfung-pic.com/sicherheit/überprüfung/Rechnung_\"Juli-2016\"%20Straße_Müller.exe";

    /// <summary>Severity 1, a handful of requests: a bot's command-and-control beacon; has a Spot storyboard entry.</summary>
    public const string BotnetBeacon = "http://203.0.113.77/gate.php?bot=WIN7X64&id=A93F02C1";

    /// <summary>Severity 1: a credential-phishing page; an analyst decision dismisses it.</summary>
    public const string CredentialPhish =
        "http://login.microsoftonline.com.account-verify.info/common/oauth2/authorize?client_id=00000002&redirect_uri=owa";

    /// <summary>Severity 2: an adware script embedded by a games forum.</summary>
    public const string AdwareScript = "http://cdn.freestream-hd.co/player/v3/embed.js?autoplay=1";

    /// <summary>Every scored URI with its severity, in the order of the threat-investigation table.</summary>
    public static IReadOnlyList<(string Uri, int Severity)> Scores { get; } =
    [
        (MalvertisingGate, 1),
        (PhishingDownload, 1),
        (BotnetBeacon, 1),
        (CredentialPhish, 1),
        (AdwareScript, 2),
    ];
}
