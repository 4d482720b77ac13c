using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveGrains.Grains.Tests.Support;

/// <summary>A value written with Orleans' serializer and read back, as a silo checkpoints it or sends it to another.</summary>
public static class SerializerRoundTrip
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    /// <summary>The copy read back; never null.</summary>
    public static T Of<T>(T value) where T : class => Serializer.Deserialize<T>(Serializer.SerializeToArray(value)).ShouldNotBeNull();
}
