/**
 * A translated sentence with elements inside it ("<strong>Ana</strong> claims <a>Northwind</a>"),
 * cut into parts a template renders one by one: plain text, or the name of a slot the template
 * fills with its element. Each language puts the slots where its word order wants them; the text
 * stays text (Astro escapes it), so nothing from the catalogue or a value is read as markup.
 * The markers are private-use characters, which no catalogue sentence or value contains.
 * `linkedMessage` does the same for sentences whose only elements are links, as one HTML string.
 */
export type MessagePart<K extends string> = { text: string; slot?: never } | { slot: K; text?: never };

export function messageParts<K extends string>(
  render: (markers: Record<K, string>) => string,
  slots: readonly K[],
): MessagePart<K>[] {
  const markers = Object.fromEntries(slots.map((slot, index) => [slot, `\uE000${index}\uE001`])) as Record<
    K,
    string
  >;
  return render(markers)
    .split(/\uE000(\d+)\uE001/)
    .flatMap((piece, index): MessagePart<K>[] => {
      // split() puts the captured marker numbers at the odd positions.
      if (index % 2 === 1) return [{ slot: slots[Number(piece)]! }];
      return piece === '' ? [] : [{ text: piece }];
    });
}
