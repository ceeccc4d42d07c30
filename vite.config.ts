import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const web = (p: string) => fileURLToPath(new URL(`./web/${p}`, import.meta.url));

/**
 * prints what the resident portal's first screen costs — its entry chunk and every chunk it imports
 * statically (the lazy pages are not counted), gzip-compressed. The budget is 300 KB.
 */
export const PORTAL_FIRST_SCREEN_BUDGET_KB = 300;
function portalFirstScreen(): Plugin {
  return {
    name: 'portal-first-screen',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'portal');
      if (!entry) return;
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const c = bundle[name];
        if (c?.type === 'chunk') c.imports.forEach(visit);
      };
      visit(entry.fileName);
      const bytes = [...seen].reduce((sum, name) => {
        const c = bundle[name];
        return sum + (c?.type === 'chunk' ? gzipSync(c.code).length : 0);
      }, 0);
      const kb = bytes / 1024;
      const line = `portal first screen: ${kb.toFixed(1)} KB JavaScript gzip in ${seen.size} chunk(s) (budget ${PORTAL_FIRST_SCREEN_BUDGET_KB} KB)`;
      console.log(`\n${line}`);
      this.emitFile({ type: 'asset', fileName: 'm/first-screen.json', source: JSON.stringify({ gzipBytes: bytes, chunks: [...seen], budgetKb: PORTAL_FIRST_SCREEN_BUDGET_KB }) });
      if (kb > PORTAL_FIRST_SCREEN_BUDGET_KB) this.error(`${line}: over budget`);
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), portalFirstScreen()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // the staff app and the resident portal (X-03, served at /m/)
      input: { main: web('index.html'), portal: web('m/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
