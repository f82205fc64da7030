using ProxyThreat.Pipeline.Hdfs.WebHdfs;

namespace ProxyThreat.Pipeline.WebHdfs.Tests.Hdfs.WebHdfs.Kerberos;

public sealed class KerberosOptionsValidatorTests : IDisposable
{
    private const string Principal = "proxythreat@EXAMPLE.ORG";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("proxythreat-keytab-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Validate_KeytabAndPrincipal_Passes()
    {
        Assert.Empty(Failures(WebHdfsAuth.Kerberos, Keytab([0x05, 0x02, 0, 0, 0, 0]), Principal));
    }

    [Fact]
    public void Validate_NeitherKey_PassesForTheTicketCache()
    {
        Assert.Empty(Failures(WebHdfsAuth.Kerberos, null, null));
    }

    [Fact]
    public void Validate_KeytabWithoutPrincipal_AsksForThePrincipal()
    {
        var failure = Assert.Single(Failures(WebHdfsAuth.Kerberos, Keytab([0x05, 0x02]), null));

        Assert.StartsWith("Hdfs:WebHdfs:Kerberos:Principal: required with a keytab", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrincipalWithoutKeytab_AsksForTheKeytab()
    {
        var failure = Assert.Single(Failures(WebHdfsAuth.Kerberos, null, Principal));

        Assert.StartsWith("Hdfs:WebHdfs:Kerberos:Keytab: required with a principal", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingKeytab_NamesTheFile()
    {
        var missing = Path.Join(_folder.FullName, "nowhere.keytab");

        var failure = Assert.Single(Failures(WebHdfsAuth.Kerberos, missing, Principal));

        Assert.Equal($"Hdfs:WebHdfs:Kerberos:Keytab: the file '{missing}' does not exist.", failure);
    }

    [Fact]
    public void Validate_FileThatIsNoKeytab_SaysSo()
    {
        var text = Keytab("proxythreat@EXAMPLE.ORG secret"u8.ToArray());

        var failure = Assert.Single(Failures(WebHdfsAuth.Kerberos, text, Principal));

        Assert.Equal($"Hdfs:WebHdfs:Kerberos:Keytab: '{text}' is not a keytab file.", failure);
    }

    [Fact]
    public void Validate_PrincipalWithSpaces_NamesIt()
    {
        var failure = Assert.Single(Failures(WebHdfsAuth.Kerberos, Keytab([0x05, 0x02]), "proxy threat@EXAMPLE.ORG"));

        Assert.StartsWith("Hdfs:WebHdfs:Kerberos:Principal: 'proxy threat@EXAMPLE.ORG' is not", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeytabWithSimpleAuth_SaysItNeedsKerberos()
    {
        var failure = Assert.Single(Failures(WebHdfsAuth.Simple, Keytab([0x05, 0x02]), Principal));

        Assert.Equal("Hdfs:WebHdfs:Kerberos: a keytab and principal are only used with Hdfs:WebHdfs:Auth=kerberos.", failure);
    }

    private string Keytab(byte[] content)
    {
        var path = Path.Join(_folder.FullName, $"{Guid.NewGuid():N}.keytab");
        File.WriteAllBytes(path, content);
        return path;
    }

    private static IEnumerable<string> Failures(WebHdfsAuth auth, string? keytab, string? principal)
    {
        var options = new WebHdfsOptions { Auth = auth, User = "spot", Kerberos = { Keytab = keytab, Principal = principal } };
        options.NameNodes.Add("http://nn1:9870");
        return new WebHdfsOptionsValidator().Validate(null, options).Failures ?? [];
    }
}
