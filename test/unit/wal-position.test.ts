import { describe, expect, it } from 'vitest';
import { walPosition } from '../../db/queries/replication.ts';

describe('a WAL position', () => {
  it('reads PostgreSQL text as the 64-bit byte position it stands for', () => {
    expect(walPosition('0/0')).toBe(0n);
    expect(walPosition('16/B374D848')).toBe(0x16b374d848n);
    expect(walPosition('FFFFFFFF/FFFFFFFF')).toBe(0xffffffffffffffffn);
  });

  it('orders positions whose low parts alone would order the other way', () => {
    expect(walPosition('1/0') > walPosition('0/FFFFFFFF')).toBe(true);
  });

  it('refuses text that is not a position', () => {
    expect(() => walPosition('16B374D848')).toThrow('Not a WAL position');
    expect(() => walPosition('1/2/3')).toThrow('Not a WAL position');
  });
});
