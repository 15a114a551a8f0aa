import { useState, type FormEvent } from 'react';
import { Button, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { Comment20Regular, ThumbLike20Filled, ThumbLike20Regular } from '@fluentui/react-icons';
import type { ApiError } from '../../api';
import { formatMoment, plural } from '../../vision/format';
import type { RunOptions } from '../../vision/use-vision-actions';
import { quote, type VisionOperation } from '../../vision/vision-operations';
import { MAX_COMMENT_TEXT, MAX_VISION_TEXT, type Draft } from '../../vision/vision-schemas';
import { CountedTextField } from './CountedTextField';
import { useVisionStyles } from './vision-styles';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  comments: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  comment: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  commentAuthor: { fontWeight: tokens.fontWeightSemibold },
});

type Run = (operation: VisionOperation, options?: RunOptions) => Promise<ApiError | null>;

function EditDraftForm({ draft, run, onDone }: { draft: Draft; run: Run; onDone: () => void }) {
  const vs = useVisionStyles();
  // The version editing began on: a change by someone else since then is a conflict, not overwritten.
  const [base] = useState(draft);
  const [text, setText] = useState(draft.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('A draft cannot be empty; withdraw it instead.');
      return;
    }
    if (trimmed.length > MAX_VISION_TEXT) return;
    setSaving(true);
    const failed = await run({ kind: 'edit-draft', draft: base, text: trimmed }, { inline: true });
    setSaving(false);
    if (failed) setError(failed.message);
    else onDone();
  };

  return (
    <form
      className={vs.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Edit your draft"
    >
      <CountedTextField
        label="Your draft"
        value={text}
        onChange={(value) => {
          setText(value);
          setError(null);
        }}
        max={MAX_VISION_TEXT}
        error={error}
      />
      {draft.etag !== base.etag && (
        <p className={vs.muted} role="status">
          Someone changed this draft since you began editing. Saving shows both versions to choose from.
        </p>
      )}
      <div className={vs.row}>
        <Button type="submit" appearance="primary" disabled={saving}>
          Save
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function CommentForm({ draft, run }: { draft: Draft; run: Run }) {
  const vs = useVisionStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Type your comment first.');
      return;
    }
    if (trimmed.length > MAX_COMMENT_TEXT) return;
    setSaving(true);
    const failed = await run({ kind: 'comment', draft, text: trimmed }, { inline: true });
    setSaving(false);
    setError(failed?.message ?? null);
    if (!failed) setText('');
  };

  return (
    <form className={vs.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Add a comment">
      <CountedTextField
        label="Your comment"
        value={text}
        onChange={(value) => {
          setText(value);
          setError(null);
        }}
        max={MAX_COMMENT_TEXT}
        error={error}
        rows={2}
      />
      <Button className={vs.submit} type="submit" disabled={saving}>
        Add comment
      </Button>
    </form>
  );
}

/** One draft: its text, author, +1s and comments; edit and withdraw for its author. */
export function DraftCard({ draft, mine, run }: { draft: Draft; mine: boolean; run: Run }) {
  const vs = useVisionStyles();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [showComments, setShowComments] = useState(false);
  const commentsId = `draft-comments-${draft.id}`;
  const name = quote(draft.text);

  return (
    <li className={vs.card} data-draft-id={draft.id} aria-label={`Draft by ${draft.author.name}`}>
      {editing ? (
        <EditDraftForm draft={draft} run={run} onDone={() => setEditing(false)} />
      ) : (
        <p className={vs.text}>{draft.text}</p>
      )}
      <p className={vs.muted}>
        {mine ? 'Your draft' : draft.author.name} · {formatMoment(draft.createdAt)} ·{' '}
        {draft.supporters === 0 ? 'no +1s yet' : plural(draft.supporters, '+1', '+1s')}
      </p>
      <div className={styles.footer}>
        <div className={vs.row}>
          {!mine && (
            <ToggleButton
              checked={draft.supportedByMe}
              icon={draft.supportedByMe ? <ThumbLike20Filled /> : <ThumbLike20Regular />}
              aria-label={`+1 ${name}`}
              onClick={() => void run({ kind: 'support', draft, on: !draft.supportedByMe })}
            >
              +1
            </ToggleButton>
          )}
          <Button
            appearance="subtle"
            icon={<Comment20Regular />}
            aria-expanded={showComments}
            aria-controls={commentsId}
            aria-label={`${plural(draft.comments.length, 'comment', 'comments')} on ${name}`}
            onClick={() => setShowComments((shown) => !shown)}
          >
            {plural(draft.comments.length, 'comment', 'comments')}
          </Button>
        </div>
        {draft.canChange && !editing && (
          <div className={vs.row}>
            <Button aria-label={`Edit ${name}`} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button
              aria-label={`Withdraw ${name}`}
              onClick={() => void run({ kind: 'withdraw-draft', draft })}
            >
              Withdraw
            </Button>
          </div>
        )}
      </div>
      {showComments && (
        <div id={commentsId} className={vs.stack}>
          <div className={styles.comments}>
            {draft.comments.length === 0 ? (
              <p className={vs.muted}>No comments yet. Ask a question or suggest a change.</p>
            ) : (
              <ul className={vs.list} aria-label={`Comments on ${name}`}>
                {draft.comments.map((comment) => (
                  <li key={comment.id}>
                    <p className={styles.comment}>
                      <span className={styles.commentAuthor}>{comment.authorName}:</span> {comment.text}
                    </p>
                    <p className={vs.muted}>{formatMoment(comment.at)}</p>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <CommentForm draft={draft} run={run} />
        </div>
      )}
    </li>
  );
}
