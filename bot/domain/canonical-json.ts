/** A hash function over UTF-8 text, answering lowercase hex; the adapters pass SHA-256 so the domain stays pure. */
export type HashText = (text: string) => string;

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, so equal values always give
 * the same text however their objects were built (L-2). Strings and numbers are written as
 * `JSON.stringify` writes them, and anything JSON drops or turns into `null` is dropped or nulled the
 * same way, so a value and its JSON round trip serialise identically — RFC 8785 for the values stored here.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, []) ?? 'null';
}

function serialise(value: unknown, ancestors: object[]): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'object':
      break;
    default:
      // undefined, functions and symbols: omitted from objects, null in arrays, as JSON does.
      return undefined;
  }
  if (ancestors.includes(value)) throw new TypeError('canonicalJson: circular value');
  const inner = [...ancestors, value];
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return serialise((withToJson.toJSON as () => unknown).call(value), ancestors);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => serialise(item, inner) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = serialise(record[key], inner);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
