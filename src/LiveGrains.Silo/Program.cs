using LiveGrains.Silo.Hosting;

// "--migrate-only" applies the schema and exits (the Kubernetes migration Job, the compose start-up service).
var migrateOnly = args.Contains(SiloCommandLine.MigrateOnly, StringComparer.Ordinal);
var builder = WebApplication.CreateSlimBuilder(SiloCommandLine.WithoutFlags(args));
builder.AddLiveGrainsSilo();

await using var app = builder.Build();
// The schema must exist before Orleans reads its queries; the migrator's advisory lock lets silos start together.
await app.MigrateLiveGrainsSchemaAsync();
if (migrateOnly) return;

app.MapLiveGrainsSiloProbes();
await app.RunAsync();
