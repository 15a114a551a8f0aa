import type { TestProject } from 'vitest/node';
import { startAzurite } from '../../scripts/lib/azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

/** One real Azurite (in memory) for the whole run; each test isolates itself with its own table prefix. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  return () => azurite.stop();
}
