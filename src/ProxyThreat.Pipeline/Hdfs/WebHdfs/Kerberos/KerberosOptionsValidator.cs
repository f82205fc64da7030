namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos;

/// <summary>Checks <c>Hdfs:WebHdfs:Kerberos</c> at start, the keytab's presence and readability included.</summary>
internal static class KerberosOptionsValidator
{
    private const string Section = KerberosOptions.Section;

    // Every keytab file starts with 0x05 and its format version: 0x02 (MIT, Heimdal, Active Directory) or 0x01.
    private const byte KeytabMagic = 0x05;

    public static IEnumerable<string> Validate(WebHdfsAuth auth, KerberosOptions options)
    {
        var keytab = options.Keytab is { Length: > 0 } k ? k : null;
        var principal = options.Principal is { Length: > 0 } p ? p : null;
        if (keytab is null && principal is null)
        {
            yield break;
        }

        if (auth != WebHdfsAuth.Kerberos)
        {
            yield return $"{Section}: a keytab and principal are only used with {WebHdfsOptions.Section}:Auth=kerberos.";
            yield break;
        }

        if (principal is null)
        {
            yield return $"{Section}:Principal: required with a keytab: the principal to log in as, e.g. proxythreat@EXAMPLE.ORG.";
        }
        else if (principal.Any(char.IsWhiteSpace))
        {
            yield return $"{Section}:Principal: '{principal}' is not a Kerberos principal (name@REALM).";
        }

        if (keytab is null)
        {
            yield return $"{Section}:Keytab: required with a principal; without a keytab the worker uses its ticket cache's principal.";
        }
        else if (ReadKeytabProblem(keytab) is { } problem)
        {
            yield return $"{Section}:Keytab: {problem}";
        }
    }

    private static string? ReadKeytabProblem(string keytab)
    {
        try
        {
            using var file = File.OpenRead(keytab);
            Span<byte> version = stackalloc byte[2];
            return file.ReadAtLeast(version, 2, throwOnEndOfStream: false) == 2 && version[0] == KeytabMagic && version[1] is 0x01 or 0x02
                ? null
                : $"'{keytab}' is not a keytab file.";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"the file '{keytab}' does not exist.";
        }
        catch (UnauthorizedAccessException)
        {
            return $"'{keytab}' is not readable by the user {Environment.UserName}; make it owned by that user with mode 0400.";
        }
        catch (IOException e)
        {
            return $"'{keytab}' cannot be read: {e.Message}";
        }
    }
}
