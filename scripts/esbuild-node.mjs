// The esbuild options both Node bundles share (apps/api/scripts/bundle-node.mjs and
// packages/content/scripts/bundle-cli.mjs): one ES module for the Node versions we support.
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  logLevel: 'warning',
  // CommonJS dependencies inside an ES module bundle call require(): give them Node's.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
}
