using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("ProxyThreat.EndToEnd.Tests.SoakFirst", "ProxyThreat.EndToEnd.Tests")]

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>
/// Starts the soak before the other test classes: it spends its minute and a half mostly waiting for the next
/// firing, so the rest run beside it rather than after it (with two cores, xunit runs two classes at once).
/// </summary>
public sealed class SoakFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(c => c.DisplayName.EndsWith($".{nameof(SoakTests)}", StringComparison.Ordinal));
}
