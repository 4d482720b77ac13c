namespace LiveGrains.Simulation;

/// <summary>Poisson-distributed counts: how many arrivals a rate gives in an interval.</summary>
public static class Poisson
{
    /// <summary>A sample with mean <paramref name="lambda"/> (Knuth for small means, a normal approximation above 30).</summary>
    public static int Sample(Random random, double lambda)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (lambda <= 0) return 0;
        if (lambda > 30)
        {
            // Box-Muller; a Poisson with a large mean is close to normal.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return Math.Max(0, (int)Math.Round(lambda + z * Math.Sqrt(lambda)));
        }
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }
        return k;
    }
}
