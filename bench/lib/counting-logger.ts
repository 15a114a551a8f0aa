import type { Logger } from '../../bot/support/logger';

/** What the app logged as wrong: counts and the first few messages. */
export interface LogCounts {
  errors: number;
  warnings: number;
  samples: string[];
}

const sampleLimit = 5;

/** A logger that keeps quiet but counts what the app reports as wrong, from the last `reset()`. */
export function createCountingLogger(): { logger: Logger; counts(): LogCounts; reset(): void } {
  let log: LogCounts = { errors: 0, warnings: 0, samples: [] };
  const keep = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (log.samples.length < sampleLimit) {
      const error = fields?.error;
      const detail = error instanceof Error ? `: ${error.message}` : '';
      log.samples.push(`${level} ${message}${detail}`);
    }
  };
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (message, fields) => {
      log.warnings += 1;
      keep('warn', message, fields);
    },
    error: (message, fields) => {
      log.errors += 1;
      keep('error', message, fields);
    },
  };
  return {
    logger,
    counts: () => ({ ...log, samples: [...log.samples] }),
    reset: () => {
      log = { errors: 0, warnings: 0, samples: [] };
    },
  };
}
