namespace ProxyThreat.Kerberos.Tests.Fixtures;

/// <summary>A test that needs MIT Kerberos's KDC and tools: reported as skipped, saying why, where they are missing.</summary>
public sealed class KerberosFactAttribute : FactAttribute
{
    public KerberosFactAttribute()
    {
        Skip = LoopbackRealm.SkipReason;
    }
}
