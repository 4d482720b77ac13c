namespace LiveGrains.Silo.Hosting;

/// <summary>Flags of the silo binary that are not configuration keys.</summary>
public static class SiloCommandLine
{
    /// <summary>Apply the schema migrations and exit without starting the silo.</summary>
    public const string MigrateOnly = "--migrate-only";

    /// <summary>
    /// <paramref name="args"/> without our flags: the command-line configuration provider would otherwise read
    /// "--migrate-only" as a key and swallow the next argument as its value.
    /// </summary>
    public static string[] WithoutFlags(string[] args) => [.. args.Where(a => !string.Equals(a, MigrateOnly, StringComparison.Ordinal))];
}
