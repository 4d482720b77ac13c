namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// What the JIT did in this process over a span: methods compiled (tier 0, instrumented and optimized recompilations all
/// count) and the time compiling them took. Code still compiling while a run is measured is a cost a long-running host
/// does not pay; a run that reports it can be told apart from one measured on settled code.
/// </summary>
/// <param name="Methods">Methods compiled.</param>
/// <param name="Time">Time spent compiling, summed over the threads that compiled.</param>
public readonly record struct JitActivity(long Methods, TimeSpan Time)
{
    /// <summary>The JIT's activity so far in this process.</summary>
    public static JitActivity Now() => new(System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    /// <summary>What happened between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static JitActivity operator -(JitActivity end, JitActivity start) => new(end.Methods - start.Methods, end.Time - start.Time);
}
