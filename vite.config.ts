import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const web = (p: string) => fileURLToPath(new URL(`./web/${p}`, import.meta.url));

/**
 * Prints what each app's first screen costs — its entry chunk and every chunk it imports statically (the
 * lazy pages are not counted), gzip-compressed — and fails the build over budget. X-03: the resident
 * portal's budget is 300 KB; the staff app's pages load lazily and its shell is held to 600 KB.
 */
export const PORTAL_FIRST_SCREEN_BUDGET_KB = 300;
const FIRST_SCREENS = [
  { entry: 'portal', label: 'portal', budgetKb: PORTAL_FIRST_SCREEN_BUDGET_KB, report: 'm/first-screen.json' },
  { entry: 'main', label: 'staff app', budgetKb: 600, report: 'first-screen.json' },
];
function firstScreens(): Plugin {
  return {
    name: 'first-screens',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      for (const { entry: name, label, budgetKb, report } of FIRST_SCREENS) {
        const entry = chunks.find((c) => c.isEntry && c.name === name);
        if (!entry) continue;
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          const c = bundle[file];
          if (c?.type === 'chunk') c.imports.forEach(visit);
        };
        visit(entry.fileName);
        const bytes = [...seen].reduce((sum, file) => {
          const c = bundle[file];
          return sum + (c?.type === 'chunk' ? gzipSync(c.code).length : 0);
        }, 0);
        const kb = bytes / 1024;
        const line = `${label} first screen: ${kb.toFixed(1)} KB JavaScript gzip in ${seen.size} chunk(s) (budget ${budgetKb} KB)`;
        console.log(`\n${line}`);
        this.emitFile({ type: 'asset', fileName: report, source: JSON.stringify({ gzipBytes: bytes, chunks: [...seen], budgetKb }) });
        if (kb > budgetKb) this.error(`${line}: over budget`);
      }
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), firstScreens()],
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
