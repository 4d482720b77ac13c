namespace LiveGrains.Grains.Hosting;

/// <summary>Names of the grain storage providers the grains use; hosts register providers under these names.</summary>
public static class StorageNames
{
    /// <summary>Grain state of LIVEs, creators and agencies.</summary>
    public const string Grains = "live-store";

    /// <summary>Orleans stream pub-sub state (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";
}
