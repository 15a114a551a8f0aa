import { RestError, type TableServiceClientOptions } from '@azure/data-tables';
import { createHttpHeaders, type PipelineResponse } from '@azure/core-rest-pipeline';

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** How often each kind of trouble happens, per request (0 to 1). */
export interface StorageFaultRates {
  /** 503 Server Busy; the request never reached the table. */
  busy: number;
  /** The request times out before the service saw it. */
  lostRequest: number;
  /** The service did the work, but its answer is lost (a timeout after the write): the dangerous one. */
  lostResponse: number;
  /** 412 on a write with an ETag, as if someone had changed the row a moment before. */
  staleEtag: number;
}

export type StorageFaultKind = keyof StorageFaultRates;

/** A fault layer between the app and Table Storage, placed per retry so it acts as the service would. */
export interface StorageFaults {
  policy: PipelinePolicy;
  enable(rates: StorageFaultRates): void;
  disable(): void;
  injected: Record<StorageFaultKind, number>;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);

export function createStorageFaults(random: () => number): StorageFaults {
  let rates: StorageFaultRates | null = null;
  const injected: Record<StorageFaultKind, number> = {
    busy: 0,
    lostRequest: 0,
    lostResponse: 0,
    staleEtag: 0,
  };
  const timeout = (request: Parameters<PipelinePolicy['sendRequest']>[0]) =>
    new RestError('the storage request timed out', { code: 'ETIMEDOUT', request });
  return {
    injected,
    enable(next) {
      rates = next;
    },
    disable() {
      rates = null;
    },
    policy: {
      name: 'integrityStorageFaults',
      async sendRequest(request, next) {
        if (!rates) return next(request);
        const roll = random();
        const ifMatch = request.headers.get('if-match');
        const conditionalWrite = writeMethods.has(request.method) && ifMatch !== undefined && ifMatch !== '*';
        let edge = rates.busy;
        if (roll < edge) {
          injected.busy += 1;
          return response(request, 503);
        }
        edge += rates.lostRequest;
        if (roll < edge) {
          injected.lostRequest += 1;
          throw timeout(request);
        }
        edge += rates.lostResponse;
        if (roll < edge && writeMethods.has(request.method)) {
          injected.lostResponse += 1;
          await next(request);
          throw timeout(request);
        }
        edge += rates.staleEtag;
        // Conditional writes are few, so the first one always meets a 412: the path is exercised every run.
        const firstConditional = conditionalWrite && rates.staleEtag > 0 && injected.staleEtag === 0;
        if ((roll < edge || firstConditional) && conditionalWrite) {
          injected.staleEtag += 1;
          return response(request, 412);
        }
        return next(request);
      },
    },
  };
}

function response(request: PipelineResponse['request'], status: number): PipelineResponse {
  const code = status === 503 ? 'ServerBusy' : 'UpdateConditionNotSatisfied';
  return {
    request,
    status,
    headers: createHttpHeaders({ 'content-type': 'application/json;odata=minimalmetadata' }),
    bodyAsText: JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: code } } }),
  };
}
