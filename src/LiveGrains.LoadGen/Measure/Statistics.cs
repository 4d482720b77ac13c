namespace LiveGrains.LoadGen.Measure;

/// <summary>Summaries of repeated measurements.</summary>
public static class Statistics
{
    /// <summary>The median of <paramref name="values"/>: the mean of the middle two when their number is even.</summary>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
