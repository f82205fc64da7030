namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>The report pages the report tests share, each written and rendered once.</summary>
[CollectionDefinition(Name)]
public sealed class ReportPages : ICollectionFixture<SampleDayPage>, ICollectionFixture<HostileDayPage>, ICollectionFixture<BigDayPage>
{
    public const string Name = "report pages";
}
