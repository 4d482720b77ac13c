import { defineConfig } from 'vite';

// The React plugin is left out on purpose: it does not install on every build machine here, and esbuild's
// automatic JSX runtime is all this app needs (no Fast Refresh in production builds anyway).
export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../LiveGrains.Web/wwwroot/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components) and SignalR places /*#__PURE__*/ where
      // Rollup cannot use it: both harmless here, and noise that would hide a real warning.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
      output: {
        manualChunks: { echarts: ['echarts'], antd: ['antd', '@ant-design/icons'] },
      },
    },
  },
  server: {
    proxy: {
      '/api': process.env.LIVEGRAINS_API ?? 'http://localhost:5080',
      '/hubs': { target: process.env.LIVEGRAINS_API ?? 'http://localhost:5080', ws: true },
      '/demo': process.env.LIVEGRAINS_API ?? 'http://localhost:5080',
    },
  },
});
