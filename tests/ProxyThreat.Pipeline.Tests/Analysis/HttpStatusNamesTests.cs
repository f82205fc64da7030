using ProxyThreat.Pipeline.Analysis;

namespace ProxyThreat.Pipeline.Tests.Analysis;

public sealed class HttpStatusNamesTests
{
    [Theory]
    [InlineData("200", "OK")]
    [InlineData("302", "Found")]
    [InlineData("404", "Not Found")]
    [InlineData("418", "I'm a teapot (RFC 2324)")]
    [InlineData("511", "Network Authentication Required")]
    [InlineData("599", "Network connect timeout error")]
    public void NameOf_KnownCode_ReturnsNameFromTable(string code, string expected)
    {
        Assert.Equal(expected, HttpStatusNames.Default.NameOf(code));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("")]
    [InlineData("CODE")]
    [InlineData("DESCRIPTION")]
    [InlineData("abc")]
    public void NameOf_CodeNotInTable_ReturnsUnknown(string code)
    {
        Assert.Equal("Unknown", HttpStatusNames.Default.NameOf(code));
    }

    [Fact]
    public void NameOf_Null_ReturnsUnknown()
    {
        Assert.Equal(HttpStatusNames.Unknown, HttpStatusNames.Default.NameOf(null));
        Assert.Equal("Unknown", HttpStatusNames.Unknown);
    }

    [Fact]
    public void NameOf_CodeWithSurroundingSpaces_IsTrimmed()
    {
        Assert.Equal("Not Found", HttpStatusNames.Default.NameOf(" 404 "));
    }
}
