import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The web app: built into web/dist, served by `npm start` on the API's origin, by CloudFront in AWS. */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [preact()],
  // The API's zod schemas come with the commune table (~2 MB); they load only when a form is sent.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/v1': 'http://localhost:3000', '/dev': 'http://localhost:3000' } },
});
