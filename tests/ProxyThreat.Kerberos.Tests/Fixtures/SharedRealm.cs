// Every test here shares one realm and the process's Kerberos environment: one collection, so one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ProxyThreat.Kerberos.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class SharedRealm : ICollectionFixture<LoopbackRealm>
{
    public const string Name = "Kerberos realm";
}
