/**
 * Builds a PartitionKey or RowKey from parts. Table keys forbid `/ \ # ?` and control characters;
 * encodeURIComponent removes all of them, and the `|` separator (encoded inside parts) keeps parts apart.
 */
export function tableKey(...parts: string[]): string {
  return parts.map((part) => encodeURIComponent(part)).join('|');
}
