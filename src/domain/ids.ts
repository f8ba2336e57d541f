/** Parses a public numeric id from a URL segment; anything else is "no such page". */
export function parsePostId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}
