import { defineConfig } from 'vite';

// The page is served beneath /explore/ (and whatever path base the service is mounted at), so every asset URL is
// relative to index.html. The GraphQL documents are imported as text (`?raw`) and ship inside the bundle.
export default defineConfig({
  base: './',
  // `npm run dev` serves the page at / with hot reload; its queries (to ../graphql, i.e. /graphql) go to a service
  // started with `dotnet run --project src/RoleGraph.Api` on its default port.
  server: { proxy: { '/graphql': 'http://localhost:5080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    // On a busy machine rolldown would print a "slow plugin" timing table into every `dotnet build`.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
