namespace LiveGrains.Contracts.Grains;

/// <summary>
/// References to grains of one interface by string key, for hot paths. Orleans' <c>GetGrain&lt;T&gt;(key)</c> resolves
/// the interface's identity by reading its attributes through reflection on every call, which showed as 4–5 % of a
/// silo's CPU when ten thousand LIVEs start or ingest; the identity (grain type and interface type) is the same for
/// every call in a deployment, so it is resolved once here and each reference is built from it.
/// </summary>
/// <typeparam name="TGrain">The grain interface.</typeparam>
public static class StringKeyedGrains<TGrain> where TGrain : IGrainWithStringKey
{
    // A class, so that publishing it is one atomic reference write.
    private static Identity? s_identity;

    /// <summary>The reference to the <typeparamref name="TGrain"/> grain keyed <paramref name="key"/>.</summary>
    public static TGrain Get(IGrainFactory grains, string key)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var identity = s_identity ??= Identity.Of((GrainReference)(object)grains.GetGrain<TGrain>(key));
        return (TGrain)grains.GetGrain(GrainId.Create(identity.Type, key), identity.Interface);
    }

    private sealed record Identity(GrainType Type, GrainInterfaceType Interface)
    {
        public static Identity Of(GrainReference reference) => new(reference.GrainId.Type, reference.InterfaceType);
    }
}
