using LiveGrains.Silo.Hosting;

// "--migrate-only" applies the schema, runs the one-time backfills and exits (the Kubernetes migration Job, the compose
// start-up service).
var migrateOnly = args.Contains(SiloCommandLine.MigrateOnly, StringComparer.Ordinal);
var builder = WebApplication.CreateSlimBuilder(SiloCommandLine.WithoutFlags(args));
builder.AddLiveGrainsSilo();

await using var app = builder.Build();
// The schema must exist before Orleans reads its queries; the migrator's advisory lock lets silos start together.
await app.MigrateLiveGrainsSchemaAsync();
if (migrateOnly)
{
    await app.RunLiveGrainsBackfillsAsync();
    return;
}

app.MapLiveGrainsSiloProbes();
await app.RunAsync();
