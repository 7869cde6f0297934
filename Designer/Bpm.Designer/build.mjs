// Bundles the designer's front end (bpmn-js, properties panel, bpmnlint, form-js viewer and editor) into wwwroot/dist with esbuild.
// MSBuild runs it before each build that has changed inputs; the output is not committed.
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

rmSync('wwwroot/dist', { recursive: true, force: true });

await esbuild.build({
  entryPoints: {
    modeler: 'src/modeler.js',
    viewer: 'src/viewer.js',
    form: 'src/form.js',
    'form-editor': 'src/form-editor.js',
    designer: 'src/designer.css',
  },
  outdir: 'wwwroot/dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['es2022'],
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.json': 'json' },
  logLevel: 'warning',
  legalComments: 'linked',
});
