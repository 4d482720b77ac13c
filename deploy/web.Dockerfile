# Web image: docker build -f deploy/web.Dockerfile -t livegrains-web .   (context: the repository root)
# The API, the SignalR hub and the dashboard; set LiveGrains__Mode=Cluster to run it as a client of the silos.

# The dashboard SPA, built by Node into src/LiveGrains.Web/wwwroot/app (vite.config.ts outDir).
FROM node:22-bookworm-slim AS dashboard
WORKDIR /src/src/LiveGrains.Dashboard
COPY src/LiveGrains.Dashboard/package.json src/LiveGrains.Dashboard/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/LiveGrains.Dashboard/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LiveGrains.Contracts/LiveGrains.Contracts.csproj src/LiveGrains.Contracts/
COPY src/LiveGrains.Grains/LiveGrains.Grains.csproj src/LiveGrains.Grains/
COPY src/LiveGrains.Simulation/LiveGrains.Simulation.csproj src/LiveGrains.Simulation/
COPY src/LiveGrains.Storage/LiveGrains.Storage.csproj src/LiveGrains.Storage/
COPY src/LiveGrains.Web/LiveGrains.Web.csproj src/LiveGrains.Web/
RUN dotnet restore src/LiveGrains.Web/LiveGrains.Web.csproj
COPY src/LiveGrains.Contracts/ src/LiveGrains.Contracts/
COPY src/LiveGrains.Grains/ src/LiveGrains.Grains/
COPY src/LiveGrains.Simulation/ src/LiveGrains.Simulation/
COPY src/LiveGrains.Storage/ src/LiveGrains.Storage/
COPY src/LiveGrains.Web/ src/LiveGrains.Web/
COPY --from=dashboard /src/src/LiveGrains.Web/wwwroot/app/ src/LiveGrains.Web/wwwroot/app/
# The dashboard is already built (above); the SDK image has no Node, so the project's npm targets are skipped.
RUN dotnet publish src/LiveGrains.Web/LiveGrains.Web.csproj -c Release -o /app --no-restore -p:SkipDashboardBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's default ASPNETCORE_HTTP_PORTS is 8080: the API, the hub, the dashboard and /healthz, /readyz, /metrics.
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "LiveGrains.Web.dll"]
