import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from '../../scripts/server-flags.ts';

describe('how the server is started', () => {
  it('npm start uses the same Node flags as the demo and the benchmark', () => {
    const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['start']).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} ./${SERVER_ENTRY}`);
  });

  it('bounds the old generation, so the heap does not grow to a limit sized from the machine', () => {
    expect(SERVER_NODE_FLAGS.some((flag) => flag.startsWith('--max-old-space-size='))).toBe(true);
  });
});
