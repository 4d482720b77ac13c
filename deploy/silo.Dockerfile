# Silo image: docker build -f deploy/silo.Dockerfile -t livegrains-silo .   (context: the repository root)
# Runs a cluster-mode silo; with "--migrate-only" it applies the schema and exits (compose "schema" service, k8s Job).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer stays cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LiveGrains.Contracts/LiveGrains.Contracts.csproj src/LiveGrains.Contracts/
COPY src/LiveGrains.Grains/LiveGrains.Grains.csproj src/LiveGrains.Grains/
COPY src/LiveGrains.Storage/LiveGrains.Storage.csproj src/LiveGrains.Storage/
COPY src/LiveGrains.Silo/LiveGrains.Silo.csproj src/LiveGrains.Silo/
RUN dotnet restore src/LiveGrains.Silo/LiveGrains.Silo.csproj
COPY src/LiveGrains.Contracts/ src/LiveGrains.Contracts/
COPY src/LiveGrains.Grains/ src/LiveGrains.Grains/
COPY src/LiveGrains.Storage/ src/LiveGrains.Storage/
COPY src/LiveGrains.Silo/ src/LiveGrains.Silo/
RUN dotnet publish src/LiveGrains.Silo/LiveGrains.Silo.csproj -c Release -o /app --no-restore

# The ASP.NET Core runtime, not the bare one: the silo serves its probes with Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV LiveGrains__Cluster__SiloPort=11111 \
    LiveGrains__Cluster__GatewayPort=30000 \
    LiveGrains__Cluster__HealthPort=8081
# Silo-to-silo, client gateway, HTTP probes (/healthz, /readyz).
EXPOSE 11111 30000 8081
USER $APP_UID
ENTRYPOINT ["dotnet", "LiveGrains.Silo.dll"]
