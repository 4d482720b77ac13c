namespace LiveGrains.Grains.Rollup;

/// <summary>What a <see cref="DedupeWindow"/> knows of an event id.</summary>
public enum DedupeCheck
{
    /// <summary>Not seen within the window: the event is new.</summary>
    New,

    /// <summary>Seen before: the event is a duplicate.</summary>
    Seen,

    /// <summary>The event happened before the window: whether its id was seen cannot be told.</summary>
    BeforeWindow,
}
