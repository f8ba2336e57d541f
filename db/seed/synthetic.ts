export async function seedSynthetic(..._args: unknown[]): Promise<void> {
  throw new Error('not yet');
}
