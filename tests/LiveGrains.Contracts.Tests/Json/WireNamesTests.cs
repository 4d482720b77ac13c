using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;

namespace LiveGrains.Contracts.Tests.Json;

public sealed class WireNamesTests
{
    [Fact]
    public void Enum_values_are_named_in_snake_case_and_parse_back()
    {
        WireNames.Of(TrafficSource.ShortVideo).ShouldBe("short_video");
        WireNames.Of(Gender.Female).ShouldBe("female");
        WireNames.Parse<TrafficSource>("short_video").ShouldBe(TrafficSource.ShortVideo);
    }

    [Fact]
    public void Equal_values_of_different_enums_keep_their_own_names()
    {
        // Both are member 0 of their enum: one cache keyed by the number alone would answer one with the other's name.
        WireNames.Of(TrafficSource.ForYou).ShouldBe("for_you");
        WireNames.Of(Gender.Female).ShouldBe("female");
        WireNames.Of(TrafficSource.ForYou).ShouldBe("for_you");
    }

    [Fact]
    public void A_name_with_a_character_json_escapes_is_given_unescaped_and_an_escaped_one_still_parses()
    {
        WireNames.Of(AgeBand.Age55Plus).ShouldBe("55+");
        WireNames.Parse<AgeBand>("55+").ShouldBe(AgeBand.Age55Plus);
        // What names of this kind were written as before.
        WireNames.Parse<AgeBand>("55\\u002B").ShouldBe(AgeBand.Age55Plus);
    }
}
