using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Rollup;
using LiveGrains.Grains.Tests.Support;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class CommentLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    [Fact]
    public void The_newest_fifty_are_kept_in_the_order_a_list_newest_first_kept_them_whatever_order_they_come_in()
    {
        // The rule the log replaced: newest first, a comment after those posted at the same instant or later, and none
        // past the fiftieth.
        var expected = new List<CommentView>();
        var log = new CommentLog();
        var random = new Random(7);
        for (var i = 0; i < 3_000; i++)
        {
            // Mostly in order, some late, many at the same instant; texts from empty to a few hundred bytes, some not ASCII.
            var at = T0.AddSeconds(i / 3 - (random.Next(5) == 0 ? random.Next(0, 120) : 0)).ToOffset(TimeSpan.FromHours(random.Next(-3, 4)));
            var text = random.Next(10) == 0 ? new string('é', random.Next(0, 300)) : $"comment {i}";
            var view = new CommentView($"v-{random.Next(1_000)}", $"nick{i % 17}", text, at);

            var index = 0;
            while (index < expected.Count && expected[index].OccurredAt >= at) index++;
            var kept = index < LiveRollup.MaxComments;
            if (kept)
            {
                if (expected.Count == LiveRollup.MaxComments) expected.RemoveAt(LiveRollup.MaxComments - 1);
                expected.Insert(index, view);
            }

            log.Add(view.ViewerId, view.Nickname, view.Text, view.OccurredAt, LiveRollup.MaxComments).ShouldBe(kept, $"comment {i}");
            if (i % 97 == 0) log = SerializerRoundTrip.Of(log);
            if (i % 13 == 0) log.Newest(LiveRollup.MaxComments).ShouldBe(expected, $"after comment {i}");
        }

        log.Count.ShouldBe(LiveRollup.MaxComments);
        log.Newest(LiveRollup.MaxComments).ShouldBe(expected);
        log.Newest(3).ShouldBe(expected.Take(3));
        log.Bytes.Length.ShouldBeLessThan(30_000);
    }

    [Fact]
    public void Fifty_short_comments_take_their_bytes_and_twelve_more_each_a_quarter_spare_at_most_and_long_ones_give_their_room_back()
    {
        var log = new CommentLog();
        for (var i = 0; i < 200; i++) log.Add($"viewer-{i:D6}", $"nickname{i % 10}", "Love this colour, is it in stock?", T0.AddSeconds(i), 50);
        var content = "viewer-000000".Length + "nickname0".Length + "Love this colour, is it in stock?".Length;

        log.Used.ShouldBe(50 * (content + 12));
        log.Bytes.Length.ShouldBeLessThanOrEqualTo(log.Used + log.Used / 4);

        for (var i = 200; i < 250; i++) log.Add("v", "n", new string('x', 2_000), T0.AddSeconds(i), 50);
        log.Bytes.Length.ShouldBeGreaterThan(100_000);
        for (var i = 250; i < 300; i++) log.Add("v", "n", "short", T0.AddSeconds(i), 50);
        log.Bytes.Length.ShouldBeLessThan(4_096);
        log.Newest(1).Single().Text.ShouldBe("short");
    }

    [Fact]
    public void Comments_of_a_checkpoint_that_kept_them_in_a_list_are_read_back_and_added_to_in_their_order()
    {
        var ev = new Events("L1", "C1", T0);
        // As a build before the log wrote them: newest first, two posted at the same instant.
        var earlier = new LiveRollup
        {
            RecentComments =
            [
                OlderComments.Stored("v3", "three", "third", T0.AddSeconds(30)),
                OlderComments.Stored("v2", "two", "second, shown first", T0.AddSeconds(20)),
                OlderComments.Stored("v1", "one", "second, shown after", T0.AddSeconds(20)),
                OlderComments.Stored("v0", "zero", "first", T0.AddSeconds(10)),
            ],
        };

        var r = SerializerRoundTrip.Of(earlier);
        r.Apply(ev.Comment(TimeSpan.FromSeconds(25), "late"));

        r.RecentComments.ShouldBeNull();
        r.NewestComments(10).Select(c => c.Text).ShouldBe(["third", "late", "second, shown first", "second, shown after", "first"]);
        SerializerRoundTrip.Of(r).NewestComments(10).Select(c => c.Text).ShouldBe(["third", "late", "second, shown first", "second, shown after", "first"]);
    }
}
