import type { z } from 'zod';

/** Raised when an entity read back from storage does not have the shape the app wrote. */
export class CorruptEntityError extends Error {
  override name = 'CorruptEntityError';
}

/** Validates an entity read from a table; storage is an edge like any other. */
export function parseEntity<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  entity: unknown,
  where: string,
): T {
  const parsed = schema.safeParse(entity);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptEntityError(`${where}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
