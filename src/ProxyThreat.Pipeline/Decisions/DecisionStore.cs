using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Investigation;

namespace ProxyThreat.Pipeline.Decisions;

/// <summary>Loads the configured decisions file afresh for each run, so analysts' edits are seen.</summary>
public sealed class DecisionStore
{
    private readonly IOptions<InvestigationOptions> _options;

    public DecisionStore(IOptions<InvestigationOptions> options)
    {
        _options = options;
    }

    public Task<DecisionBook> LoadAsync(CancellationToken cancellationToken) =>
        _options.Value.DecisionsFile is { } path
            ? DecisionFile.LoadAsync(path, cancellationToken)
            : Task.FromResult(DecisionBook.Empty);
}
