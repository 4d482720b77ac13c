using LiveGrains.Silo.Hosting;
using LiveGrains.Storage.Schema;

var builder = Host.CreateApplicationBuilder(args);
var settings = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
builder.UseOrleans(silo => silo.AddLiveGrainsCluster(settings, builder.Configuration));

var host = builder.Build();
// The schema must exist before Orleans reads its queries; the migrator's advisory lock lets silos start together.
await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
await host.RunAsync();
