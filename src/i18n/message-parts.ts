/**
 * A translated sentence with marked-up words inside it ("Customers post a **like** when…"), as
 * parts a template lays out: plain text, and the named places where the page puts its element.
 * Nothing is read as markup (unlike `linkedMessage`, no HTML string is built at all). The markers
 * are private-use characters, which no catalogue text contains.
 */
export type MessagePart<K extends string> = { text: string; slot: null } | { text: null; slot: K };

export function messageParts<K extends string>(
  render: (markers: Record<K, string>) => string,
  slots: readonly K[],
): MessagePart<K>[] {
  const markers = Object.fromEntries(slots.map((slot, index) => [slot, `\uE000${index}\uE000`])) as Record<
    K,
    string
  >;
  return render(markers)
    .split(/\uE000(\d+)\uE000/)
    .flatMap((piece, index): MessagePart<K>[] => {
      if (index % 2 === 1) return [{ text: null, slot: slots[Number(piece)]! }];
      return piece === '' ? [] : [{ text: piece, slot: null }];
    });
}
