namespace ProxyThreat.SampleData.Internal;

/// <summary>Picks items with probability proportional to their weights.</summary>
internal sealed class WeightedPicker<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly double[] _cumulative;

    public WeightedPicker(IReadOnlyList<T> items, Func<T, int, double> weight)
    {
        _items = items;
        _cumulative = new double[items.Count];
        var sum = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            sum += weight(items[i], i);
            _cumulative[i] = sum;
        }
    }

    public T Pick(Random rng)
    {
        var target = rng.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index;
        return _items[Math.Min(index, _items.Count - 1)];
    }
}
