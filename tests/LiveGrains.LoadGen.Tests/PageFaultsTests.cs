using System.Runtime.InteropServices;
using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Tests;

public sealed class PageFaultsTests
{
    [Fact]
    public void Minor_faults_are_read_after_a_command_name_holding_spaces_and_parentheses()
    {
        const string line = "4242 (dotnet (a) b) R 1 4242 4242 0 -1 4194560 123456 789 3 0 250 40 0 0 20 0 31 0 100 2000000000 50000";

        PageFaults.MinorFrom(line).ShouldBe(123456);
    }

    [Fact]
    public void A_line_that_is_not_a_stat_line_is_refused_with_what_it_lacks()
    {
        Should.Throw<FormatException>(() => PageFaults.MinorFrom("not a stat line")).Message.ShouldContain("no command in parentheses");
        Should.Throw<FormatException>(() => PageFaults.MinorFrom("1 (x) R 1 2")).Message.ShouldContain("too few fields");
    }

    [Fact]
    public void Touching_fresh_memory_counts_faults_where_the_kernel_says()
    {
        if (PageFaults.Minor() is not { } before)
        {
            Assert.Skip("this system has no /proc/self/stat");
            return;
        }
        // 64 MiB of native memory (mapped anew at that size), written once: every page is new to the process.
        const int size = 64 << 20;
        var memory = Marshal.AllocHGlobal(size);
        try
        {
            for (var offset = 0; offset < size; offset += Environment.SystemPageSize) Marshal.WriteByte(memory, offset, 1);
            (PageFaults.Minor()!.Value - before).ShouldBeGreaterThan(size / Environment.SystemPageSize / 2);
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }
}
