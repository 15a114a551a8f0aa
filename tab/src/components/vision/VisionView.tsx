import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useUndoShortcut } from '../../use-undo-shortcut';
import type { VisionClient } from '../../vision/vision-api';
import type { Draft } from '../../vision/vision-schemas';
import { useVisionActions } from '../../vision/use-vision-actions';
import type { VisionBoardState } from '../../vision/use-vision-board';
import { ErrorState } from '../ErrorState';
import { LastActionBar } from '../LastActionBar';
import { LoadingState } from '../LoadingState';
import { useSectionStyles } from '../styles';
import { AddDraftForm } from './AddDraftForm';
import { AdoptedVisionSection } from './AdoptedVisionSection';
import { ConsentCheckSection, ObjectedCheckSection } from './ConsentCheckSection';
import { DraftCard } from './DraftCard';
import { DraftConflictDialog } from './DraftConflictDialog';
import { MergeSection } from './MergeSection';
import { useVisionStyles } from './vision-styles';

/** Drafts still in play, the most +1'd first (then the oldest). */
function activeDrafts(drafts: readonly Draft[]): Draft[] {
  return drafts
    .filter((draft) => draft.status === 'draft')
    .sort((a, b) => b.supporters - a.supporters || a.createdAt.localeCompare(b.createdAt));
}

interface VisionViewProps {
  client: VisionClient;
  /** The board, polled by the team page (so the banner of the other views stays current too). */
  state: VisionBoardState;
  refresh: () => void;
  errorActions?: ReactNode;
}

/** The Vision view: the adopted vision, the running consent check, the drafts, and merging them. */
export function VisionView({ client, state, refresh, errorActions }: VisionViewProps) {
  const section = useSectionStyles();
  const vs = useVisionStyles();
  const me = state.status === 'ready' ? state.board.me : { id: '', name: '' };
  const actions = useVisionActions({ client, me, refresh });
  useUndoShortcut(actions.undo);

  if (state.status === 'loading') return <LoadingState label="Loading the vision board…" />;
  if (state.status === 'error')
    return <ErrorState error={state.error} onRetry={refresh} actions={errorActions} />;

  const { board } = state;
  const drafts = activeDrafts(board.drafts);
  const open = board.proposal?.status === 'open' ? board.proposal : null;
  const objected = board.proposal?.status === 'objected' ? board.proposal : null;

  return (
    <>
      <AdoptedVisionSection vision={board.vision} history={board.history} />
      {state.lost && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Live updates paused</MessageBarTitle> {state.lost.message} Trying again…
          </MessageBarBody>
        </MessageBar>
      )}
      {actions.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>That didn’t work</MessageBarTitle> {actions.error.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<Dismiss20Regular />}
                aria-label="Dismiss"
                onClick={actions.dismissError}
              />
            }
          />
        </MessageBar>
      )}
      {actions.last && (
        <LastActionBar
          message={actions.last.message}
          {...(actions.last.inverse ? { onUndo: actions.undo } : {})}
          onDismiss={actions.dismissLast}
        />
      )}
      {open && <ConsentCheckSection key={open.id} proposal={open} run={actions.run} />}
      {objected && <ObjectedCheckSection proposal={objected} />}
      <section className={section.section} aria-labelledby="drafts-heading">
        <h2 id="drafts-heading" className={section.heading}>
          Drafts
        </h2>
        {drafts.length === 0 ? (
          <p className={section.muted}>
            No drafts yet. Add the first one below; the others will see it at once and can +1 or comment.
          </p>
        ) : (
          <ul className={vs.list} aria-label="Drafts, most +1s first">
            {drafts.map((draft) => (
              <DraftCard key={draft.id} draft={draft} mine={draft.author.id === me.id} run={actions.run} />
            ))}
          </ul>
        )}
        <AddDraftForm run={actions.run} />
      </section>
      {!open && drafts.length > 0 && <MergeSection drafts={drafts} run={actions.run} />}
      {actions.conflict && (
        <DraftConflictDialog conflict={actions.conflict} onChoose={actions.resolveConflict} />
      )}
    </>
  );
}

export default VisionView;
