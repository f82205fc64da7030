namespace ProxyThreat.Kerberos.Tests.Fixtures;

/// <summary>A theory that needs MIT Kerberos's KDC and tools: reported as skipped, saying why, where they are missing.</summary>
public sealed class KerberosTheoryAttribute : TheoryAttribute
{
    public KerberosTheoryAttribute()
    {
        Skip = LoopbackRealm.SkipReason;
    }
}
