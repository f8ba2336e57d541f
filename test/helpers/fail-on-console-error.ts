/**
 * An unexpected console.error fails the test (Epic Stack's habit): errors the
 * code logs are bugs until a test says it expects them with `expectConsoleError`.
 */
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

let spy: MockInstance<typeof console.error> | null = null;
let expected = 0;

export function expectConsoleError(): void {
  expected++;
  spy?.mockImplementation(() => {}); // expected: keep the test output clean
}

beforeEach(() => {
  expected = 0;
  spy = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  if (calls.length > expected) {
    throw new Error(
      `Unexpected console.error:\n${calls.map((args) => args.map(String).join(' ')).join('\n')}`,
    );
  }
});
