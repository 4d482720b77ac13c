namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// What the garbage collector did in this process over a span: collections by generation (a gen1 collection counts in
/// gen0 too, as the runtime counts them) and the time managed threads were paused for it.
/// </summary>
/// <param name="Gen0">Collections of generation 0 or higher.</param>
/// <param name="Gen1">Collections of generation 1 or higher.</param>
/// <param name="Gen2">Full collections.</param>
/// <param name="Pause">Total time managed threads were suspended by collections.</param>
public readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    /// <summary>The collector's activity so far in this process.</summary>
    public static GcActivity Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>What happened between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static GcActivity operator -(GcActivity end, GcActivity start) =>
        new(end.Gen0 - start.Gen0, end.Gen1 - start.Gen1, end.Gen2 - start.Gen2, end.Pause - start.Pause);
}
