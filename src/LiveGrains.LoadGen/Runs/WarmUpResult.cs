namespace LiveGrains.LoadGen.Runs;

/// <summary>How a target's warm-up ended.</summary>
/// <param name="Passes">Passes of the warm-up world sent.</param>
/// <param name="LastPassCompiled">Methods this process compiled during the last pass and the pause after it.</param>
/// <param name="Settled">Whether the JIT settled before the passes ran out.</param>
/// <param name="Seconds">Wall time the warm-up took.</param>
public sealed record WarmUpResult(int Passes, long LastPassCompiled, bool Settled, double Seconds);
