import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import type { VisionClient } from './vision-api';
import { guardedDraft, performVision, type Performed, type VisionOperation } from './vision-operations';
import { draftSchema, type Draft } from './vision-schemas';

/** A write refused because someone else changed the draft first: what the member tried, and the draft now. */
export interface DraftConflict {
  operation: Extract<VisionOperation, { kind: 'edit-draft' | 'withdraw-draft' }>;
  /** The draft as it is now; null when it is gone. */
  current: Draft | null;
}

export interface RunOptions {
  /** The caller shows the error itself (a form next to its fields); otherwise the view's error bar does. */
  inline?: boolean;
}

export interface VisionActions {
  run: (operation: VisionOperation, options?: RunOptions) => Promise<ApiError | null>;
  /** True while a change is on its way. */
  busy: boolean;
  undo: () => void;
  last: Performed | null;
  dismissLast: () => void;
  conflict: DraftConflict | null;
  resolveConflict: (choice: 'mine' | 'theirs') => void;
  error: ApiError | null;
  dismissError: () => void;
}

/** Runs the member's changes on the vision board: undo of the last one, the both-versions dialog on 412, errors. */
export function useVisionActions(options: {
  client: VisionClient;
  me: { name: string };
  refresh: () => void;
}): VisionActions {
  const { client, refresh } = options;
  const myName = options.me.name;
  const [last, setLast] = useState<Performed | null>(null);
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(0);

  const execute = useCallback(
    async (operation: VisionOperation, runOptions: RunOptions & { undoing?: boolean }) => {
      setError(null);
      setPending((count) => count + 1);
      try {
        const done = await performVision(client, operation, { name: myName });
        setLast(runOptions.undoing ? { message: `Undone. ${done.message}`, inverse: null } : done);
        return null;
      } catch (caught: unknown) {
        const apiError = toApiError(caught);
        const guarded = guardedDraft(operation);
        if (apiError.status === 412 && guarded && 'current' in apiError.details) {
          const raw = apiError.details.current;
          const current = raw === null ? null : draftSchema.safeParse(raw);
          if (current === null || current.success) {
            setConflict({
              operation: operation as DraftConflict['operation'],
              current: current === null ? null : current.data,
            });
            return null;
          }
        }
        if (!runOptions.inline) setError(apiError);
        return apiError;
      } finally {
        setPending((count) => count - 1);
        refresh();
      }
    },
    [client, myName, refresh],
  );

  const run = useCallback(
    (operation: VisionOperation, runOptions: RunOptions = {}) => execute(operation, runOptions),
    [execute],
  );

  const undo = useCallback(() => {
    const inverse = last?.inverse;
    if (!inverse) return;
    setLast(null);
    void execute(inverse, { undoing: true });
  }, [last, execute]);

  const resolveConflict = useCallback(
    (choice: 'mine' | 'theirs') => {
      const open = conflict;
      setConflict(null);
      if (!open || choice === 'theirs' || !open.current || open.current.status !== 'draft') {
        refresh();
        return;
      }
      // Keep mine: the same change again, this time on the version the member has now seen.
      void execute({ ...open.operation, draft: open.current }, {});
    },
    [conflict, execute, refresh],
  );

  return {
    run,
    busy: pending > 0,
    undo,
    last,
    dismissLast: useCallback(() => setLast(null), []),
    conflict,
    resolveConflict,
    error,
    dismissError: useCallback(() => setError(null), []),
  };
}
