using ProxyThreat.Pipeline.Sources;

namespace ProxyThreat.Pipeline.Tests.Sources;

public sealed class StringPoolTests
{
    [Fact]
    public void Share_EqualTexts_ReturnsTheFirstInstance()
    {
        var pool = new StringPool();
        var first = new string("http://bad.example/ü".AsSpan());
        var second = new string("http://bad.example/ü".AsSpan());

        Assert.Same(first, pool.Share(first));
        Assert.Same(first, pool.Share(second));
        Assert.Null(pool.Share(null));
    }

    [Fact]
    public void Share_TextsDifferingInCase_StayApart()
    {
        var pool = new StringPool();

        Assert.Equal("GET", pool.Share("GET"));
        Assert.Equal("get", pool.Share("get"));
    }
}
