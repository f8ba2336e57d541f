import { describe, expect, it } from 'vitest';
import { describeDevice } from '../../src/domain/devices.ts';

describe('a session’s device, as people name it', () => {
  it('names the browser and the system, not Chrome for Edge nor Safari for Chrome', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Windows');
    expect(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android');
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iPhone');
    expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox on Linux',
    );
  });

  it('says what it can of anything else', () => {
    expect(describeDevice('curl/8.5.0')).toBe('curl');
    expect(describeDevice('vitest')).toBe('Unknown device');
    expect(describeDevice(null)).toBe('Unknown device');
  });
});
