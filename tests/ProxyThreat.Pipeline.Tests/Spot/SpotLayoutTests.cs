using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Pipeline.Tests.Spot;

public sealed class SpotLayoutTests
{
    private const string OddUri = "http://exämple.com/p\"q?x=ü&y=日本";

    // printf '%s' 'http://exämple.com/p"q?x=ü&y=日本' | md5sum
    private const string OddUriMd5 = "93a83a67caeb01ca03fa9de701a22e97";

    private static readonly DateOnly Day = new(2016, 7, 8);

    [Fact]
    public void Md5_UriWithQuoteAndNonAscii_IsLowercaseHexMd5OfUtf8Bytes()
    {
        Assert.Equal(OddUriMd5, SpotLayout.Md5(OddUri));
    }

    [Fact]
    public void Md5_AsciiUri_MatchesMd5sum()
    {
        // printf '%s' 'http://a.com/' | md5sum
        Assert.Equal("976c401c56398406fb1c7a63440f6a6a", SpotLayout.Md5("http://a.com/"));
    }

    [Fact]
    public void IncidentProgressionPath_SingleDigitMonthAndDay_UsesUnpaddedYearMonthDay()
    {
        var layout = new SpotLayout("/user/spot");

        Assert.Equal(
            $"/user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{OddUriMd5}.json",
            layout.IncidentProgressionPath(Day, OddUri));
    }

    [Fact]
    public void IncidentProgressionDirectory_TwoDigitMonthAndDay_Unchanged()
    {
        var layout = new SpotLayout("/user/spot/");

        Assert.Equal("/user/spot/proxy/oa/storyboard/2016/12/31", layout.IncidentProgressionDirectory(new DateOnly(2016, 12, 31)));
    }

    [Fact]
    public void IncidentProgressionFileName_Uri_NamesMd5()
    {
        Assert.Equal($"incident-progression-{OddUriMd5}.json", SpotLayout.IncidentProgressionFileName(OddUri));
    }

    [Fact]
    public void OaPartition_SingleDigitMonthAndDay_Unpadded()
    {
        var layout = new SpotLayout("/user/spot");

        Assert.Equal("/user/spot/proxy/hive/oa/timeline/y=2016/m=7/d=8", SpotLayout.OaPartition(layout.TimelineTable, Day));
        Assert.Equal("/user/spot/proxy/hive/oa/storyboard/y=2016/m=7/d=8", SpotLayout.OaPartition(layout.StoryboardTable, Day));
    }

    [Fact]
    public void Tables_RootWithTrailingSlash_Normalized()
    {
        var layout = new SpotLayout("/data/spot/");

        Assert.Equal("/data/spot", layout.Root);
        Assert.Equal("/data/spot/proxy/hive", layout.ProxyTable);
        Assert.Equal("/data/spot/proxy/hive/oa/threat_investigation", layout.ThreatInvestigationTable);
        Assert.Equal("/data/spot/proxy/hive/oa/storyboard", layout.StoryboardTable);
        Assert.Equal("/data/spot/proxy/hive/oa/timeline", layout.TimelineTable);
    }
}
