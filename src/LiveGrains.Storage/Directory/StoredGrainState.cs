namespace LiveGrains.Storage.Directory;

/// <summary>
/// A grain state as Orleans' ADO.NET grain storage holds it (<c>orleans_grain_state</c>, migration 0002): the key columns
/// the provider filled, which are all that identifies the grain, and the serialized state.
/// </summary>
/// <param name="N0">First half of a Guid key; 0 for other keys.</param>
/// <param name="N1">Second half of a Guid key, or an integer key; 0 for a string key.</param>
/// <param name="KeyExtension">A string key whole, or the extension of an integer or Guid key ('' when none).</param>
/// <param name="WrittenAt">When the state was last written.</param>
/// <param name="Payload">The state, serialized by the storage provider's grain storage serializer.</param>
public sealed record StoredGrainState(long N0, long N1, string KeyExtension, DateTimeOffset WrittenAt, byte[] Payload);
