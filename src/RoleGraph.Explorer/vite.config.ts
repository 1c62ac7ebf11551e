import { defineConfig } from 'vite';

// The page is served beneath /explore/ (and whatever path base the service is mounted at), so every asset URL is
// relative to index.html. The GraphQL documents are imported as text (`?raw`) and ship inside the bundle.
export default defineConfig({
  base: './',
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
