# The RoleGraph API image. docker-compose.yml builds it and runs it on Neo4j; on its own it runs on the
# embedded store (data in /app/data: mount a volume there to keep it).

# The Banana Cake Pop IDE comes from npm, pinned by package-lock.json.
FROM node:20-bookworm-slim AS ide
WORKDIR /src/src/RoleGraph.Api
COPY src/RoleGraph.Api/package.json src/RoleGraph.Api/package-lock.json ./
RUN npm ci --no-audit --no-fund

# The explorer page is built by vite from its npm packages, pinned by its package-lock.json.
FROM node:20-bookworm-slim AS explorer
WORKDIR /src/src/RoleGraph.Explorer
COPY src/RoleGraph.Explorer/package.json src/RoleGraph.Explorer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/RoleGraph.Explorer/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Publishing for a runtime compiles the service ahead of time into one native executable (Native AOT, see the project
# file), which links with clang (zlib comes with .NET's packages as a static library).
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang \
    && rm -rf /var/lib/apt/lists/*
# The image's architecture (BuildKit sets it; amd64 without BuildKit), which the restore below must know to fetch the
# runtime pack and the ahead-of-time compiler for it.
ARG TARGETARCH
WORKDIR /src
# Restore first, from the project files only, so source edits do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/RoleGraph.Core/RoleGraph.Core.csproj src/RoleGraph.Core/
COPY src/RoleGraph.Embedded/RoleGraph.Embedded.csproj src/RoleGraph.Embedded/
COPY src/RoleGraph.Importing/RoleGraph.Importing.csproj src/RoleGraph.Importing/
COPY src/RoleGraph.Neo4j/RoleGraph.Neo4j.csproj src/RoleGraph.Neo4j/
COPY src/RoleGraph.Api/RoleGraph.Api.csproj src/RoleGraph.Api/
RUN dotnet restore src/RoleGraph.Api/RoleGraph.Api.csproj -a "${TARGETARCH:-amd64}"
COPY seed/ seed/
# build/ holds the lock-safe npm step the IDE's targets import (skipped here: node_modules comes from the ide stage).
COPY build/ build/
COPY src/ src/
COPY --from=ide /src/src/RoleGraph.Api/node_modules src/RoleGraph.Api/node_modules
COPY --from=explorer /src/src/RoleGraph.Explorer/dist src/RoleGraph.Explorer/dist
RUN dotnet publish src/RoleGraph.Api/RoleGraph.Api.csproj -c Release -a "${TARGETARCH:-amd64}" -o /app --no-restore -p:BananaCakePopNpmInstall=false -p:ExplorerBuild=false

# A native executable: the base holds only what it needs from the system (libc and OpenSSL; the service runs with invariant globalization).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app ./
# The embedded store's data file, for runs without Neo4j; the image's non-root user must be able to write it.
RUN mkdir -p /app/data && chown app:app /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    RoleGraph__Embedded__DataFile=/app/data/rolegraph.json
VOLUME /app/data
EXPOSE 8080
USER app
ENTRYPOINT ["./RoleGraph.Api"]
