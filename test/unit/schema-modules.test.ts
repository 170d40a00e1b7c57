import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A module-level `const x = z…` or `const x = someCall(…)` that is not wrapped in a pure call. */
const unwrappedBuild = /^(export )?const \w+(: [^=]+)? = (z$|[A-Za-z_$][\w.$]*(<[^>]*>)?\()/;

describe('schema and route modules', () => {
  it('build every module-level schema or route in a pure call, so a bundle drops those it does not use', () => {
    const files = readdirSync('shared', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join('shared', file));
    const schemaModules = files.filter((file) =>
      /from 'zod\/mini'|defineRoute\(/.test(readFileSync(file, 'utf8')),
    );
    expect(schemaModules.length).toBeGreaterThan(15);
    const unwrapped = schemaModules.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (unwrappedBuild.test(line) ? [`${file}:${i + 1}: ${line}`] : [])),
    );
    // Write `export const x = /* @__PURE__ */ (() => z.object({…}))();` (schema-parts.ts says why).
    expect(unwrapped).toEqual([]);
  });
});
