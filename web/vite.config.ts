import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The web app: built into web/dist, served by `npm start` on the API's origin, by CloudFront in AWS. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [preact()],
  // No reference table reaches the browser: the API validates with them; the app is one small bundle.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 250 },
  server: { proxy: { '/v1': 'http://localhost:3000', '/dev': 'http://localhost:3000' } },
});
