using System.Globalization;

namespace LiveGrains.LoadGen.Measure;

/// <summary>
/// Minor page faults of this process: each is a page of memory touched for the first time since the kernel gave or took
/// it back, which the kernel zeroes before handing it over. A collector that hands out freshly mapped pages for new
/// objects makes them, and their cost (the zeroing) shows in CPU profiles outside the collector's own threads.
/// </summary>
public static class PageFaults
{
    private const string StatPath = "/proc/self/stat";

    /// <summary>Minor page faults of this process so far; null where the kernel does not say (not Linux).</summary>
    public static long? Minor()
    {
        if (!File.Exists(StatPath)) return null;
        return MinorFrom(File.ReadAllText(StatPath));
    }

    /// <summary>
    /// The minor faults field of a <c>/proc/PID/stat</c> line: the tenth, counted after the command name in parentheses,
    /// which may itself hold spaces and parentheses.
    /// </summary>
    /// <exception cref="FormatException">The line is not a stat line.</exception>
    public static long MinorFrom(string statLine)
    {
        ArgumentNullException.ThrowIfNull(statLine);
        var end = statLine.LastIndexOf(')');
        if (end < 0) throw new FormatException($"Not a /proc stat line (no command in parentheses): '{statLine}'.");
        // After ") " come state (3rd field), ppid, pgrp, session, tty_nr, tpgid, flags, minflt (10th).
        var fields = statLine[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 8) throw new FormatException($"Not a /proc stat line (too few fields): '{statLine}'.");
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }
}
