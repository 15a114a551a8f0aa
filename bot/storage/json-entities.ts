import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { ConflictError, type Versioned } from '../app/team-ref';
import { CorruptEntityError, parseEntity } from './entity-schema';
import { isRestErrorWithStatus } from './rest-errors';

/** Plain columns stored beside the JSON so queries can filter on them. */
export type IndexedProperty = 'status' | 'memberId' | 'open';

/** Azure Tables caps a string property at 64 KiB (32K UTF-16 characters); larger values are split. */
const chunkLength = 30_000;
const maxChunks = 20;

const storedRow = z
  .object({
    etag: z.string(),
    partitionKey: z.string(),
    rowKey: z.string(),
    chunks: z.number().int().min(1).max(maxChunks),
  })
  .passthrough();

/**
 * A table whose rows each hold one JSON document (split over `data0…dataN` properties when long),
 * validated by `schema` when read back. The same helper serves every aggregate, so the ETag and
 * error handling live in one place.
 */
export interface JsonEntityTable<T> {
  /** Inserts a new row and returns its ETag; ConflictError when the key is taken. */
  insert(
    partitionKey: string,
    rowKey: string,
    value: T,
    extra?: Record<string, string | number | boolean>,
  ): Promise<string>;
  get(partitionKey: string, rowKey: string): Promise<Versioned<T> | null>;
  /** Replaces conditionally; ConflictError when the ETag is stale, or when the row vanished. */
  replace(
    partitionKey: string,
    rowKey: string,
    value: T,
    etag: string,
    extra?: Record<string, string | number | boolean>,
  ): Promise<string>;
  /** Deletes conditionally; ConflictError when the ETag is stale, or when the row is already gone. */
  remove(partitionKey: string, rowKey: string, etag: string): Promise<void>;
  /** Every row of a partition, in RowKey order, optionally filtered on an extra property. */
  list(
    partitionKey: string,
    options?: { limit?: number; where?: { property: IndexedProperty; equals: string | boolean } },
  ): Promise<Array<Versioned<T> & { rowKey: string }>>;
}

export function createJsonEntityTable<T>(
  table: TableClient,
  name: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): JsonEntityTable<T> {
  const toEntity = (
    partitionKey: string,
    rowKey: string,
    value: T,
    extra: Record<string, string | number | boolean>,
  ) => {
    const json = JSON.stringify(value);
    const chunks = Math.max(1, Math.ceil(json.length / chunkLength));
    if (chunks > maxChunks)
      throw new Error(`${name}: document too large to store (${json.length} characters)`);
    const entity: Record<string, string | number | boolean> = { partitionKey, rowKey, chunks, ...extra };
    for (let index = 0; index < chunks; index += 1)
      entity[`data${index}`] = json.slice(index * chunkLength, (index + 1) * chunkLength);
    return entity as { partitionKey: string; rowKey: string };
  };
  const fromEntity = (
    entity: TableEntityResult<Record<string, unknown>>,
  ): Versioned<T> & { rowKey: string } => {
    const row = parseEntity(storedRow, entity, name);
    let json = '';
    for (let index = 0; index < row.chunks; index += 1) {
      const part = row[`data${index}`];
      if (typeof part !== 'string') throw new CorruptEntityError(`${name}: data${index}: missing`);
      json += part;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error: unknown) {
      if (error instanceof SyntaxError) throw new CorruptEntityError(`${name}: data: not JSON`);
      throw error;
    }
    return { value: parseEntity(schema, parsed, name), etag: row.etag, rowKey: row.rowKey };
  };
  /**
   * The storage client retries a write whose answer was lost; the retry then meets our own first write
   * (409 on insert, 412 on replace). When the row holds exactly what we wrote, the write did land: its ETag.
   */
  const ownWriteLanded = async (
    partitionKey: string,
    rowKey: string,
    written: Record<string, unknown>,
  ): Promise<string | null> => {
    let stored: TableEntityResult<Record<string, unknown>>;
    try {
      stored = await table.getEntity(partitionKey, rowKey);
    } catch (error: unknown) {
      if (isRestErrorWithStatus(error, 404)) return null;
      throw error;
    }
    const same = Object.entries(written).every(([key, value]) => stored[key] === value);
    return same && typeof stored.etag === 'string' ? stored.etag : null;
  };
  return {
    async insert(partitionKey, rowKey, value, extra = {}) {
      const entity = toEntity(partitionKey, rowKey, value, extra);
      try {
        const result = await table.createEntity(entity);
        return result.etag ?? '';
      } catch (error: unknown) {
        if (!isRestErrorWithStatus(error, 409)) throw error;
        const landed = await ownWriteLanded(partitionKey, rowKey, entity);
        if (landed !== null) return landed;
        throw new ConflictError(`${name}: ${rowKey} already exists`);
      }
    },
    async get(partitionKey, rowKey) {
      try {
        return fromEntity(await table.getEntity(partitionKey, rowKey));
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 404)) return null;
        throw error;
      }
    },
    async replace(partitionKey, rowKey, value, etag, extra = {}) {
      const entity = toEntity(partitionKey, rowKey, value, extra);
      try {
        const result = await table.updateEntity(entity, 'Replace', { etag });
        return result.etag ?? '';
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 412)) {
          const landed = await ownWriteLanded(partitionKey, rowKey, entity);
          if (landed !== null) return landed;
        }
        if (isRestErrorWithStatus(error, 412) || isRestErrorWithStatus(error, 404)) {
          throw new ConflictError(`${name}: ${rowKey} was changed by someone else`);
        }
        throw error;
      }
    },
    async remove(partitionKey, rowKey, etag) {
      try {
        await table.deleteEntity(partitionKey, rowKey, { etag });
      } catch (error: unknown) {
        if (isRestErrorWithStatus(error, 412) || isRestErrorWithStatus(error, 404)) {
          throw new ConflictError(`${name}: ${rowKey} was changed or removed by someone else`);
        }
        throw error;
      }
    },
    async list(partitionKey, options = {}) {
      const where = options.where;
      // Property names are the app's own constants; only values come from outside, and odata escapes them.
      const filter = where
        ? `${odata`PartitionKey eq ${partitionKey}`} and ${where.property} eq ${odata`${where.equals}`}`
        : odata`PartitionKey eq ${partitionKey}`;
      const rows: Array<Versioned<T> & { rowKey: string }> = [];
      for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        rows.push(fromEntity(entity));
        if (options.limit !== undefined && rows.length >= options.limit) break;
      }
      return rows;
    },
  };
}
