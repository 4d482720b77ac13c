namespace LiveGrains.Contracts.Events;

/// <summary>A viewer commented.</summary>
[GenerateSerializer, Immutable, Alias("lg.CommentPosted")]
public sealed record CommentPosted([property: Id(0)] string ViewerId, [property: Id(1)] string Nickname, [property: Id(2)] string Text) : LiveEventData
{
    /// <summary>Longest comment kept, in characters; longer text is rejected rather than silently cut.</summary>
    public const int MaxTextLength = 500;

    /// <inheritdoc />
    public override string? Validate() =>
        Required(ViewerId, "viewerId") ?? Required(Nickname, "nickname") ?? Required(Text, "text")
        ?? (Text.Length > MaxTextLength ? $"data.text is longer than {MaxTextLength} characters" : null);
}
