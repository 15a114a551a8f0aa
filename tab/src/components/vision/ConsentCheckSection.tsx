import { useState, type FormEvent } from 'react';
import { Button, Field, Textarea, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api';
import { formatMoment, plural } from '../../vision/format';
import type { RunOptions } from '../../vision/use-vision-actions';
import type { VisionOperation } from '../../vision/vision-operations';
import type { ConsentAnswer, Proposal } from '../../vision/vision-schemas';
import { useSectionStyles } from '../styles';
import { useVisionStyles } from './vision-styles';

const useStyles = makeStyles({
  proposed: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontSize: tokens.fontSizeBase300,
  },
  count: { fontWeight: tokens.fontWeightSemibold },
});

const ANSWERS: ReadonlyArray<{ answer: ConsentAnswer; label: string }> = [
  { answer: 'consent', label: 'Consent' },
  { answer: 'stand-aside', label: 'Stand aside' },
  { answer: 'object', label: 'Object' },
];

type Run = (operation: VisionOperation, options?: RunOptions) => Promise<ApiError | null>;

function Counts({ proposal }: { proposal: Proposal }) {
  const styles = useStyles();
  return (
    <ul className={styles.counts} aria-label="Answers so far">
      <li>
        <span className={styles.count}>{proposal.counts.consent}</span> consent
      </li>
      <li>
        <span className={styles.count}>{proposal.counts.standAside}</span> stand aside
      </li>
      <li>
        <span className={styles.count}>{proposal.counts.object}</span> object
      </li>
    </ul>
  );
}

function Objections({ proposal }: { proposal: Proposal }) {
  const vs = useVisionStyles();
  if (proposal.objections.length === 0) return null;
  return (
    <>
      <h3 className={vs.heading3}>Objections</h3>
      <ul className={vs.list} aria-label="Objections">
        {proposal.objections.map((objection, index) => (
          <li key={index} className={vs.card}>
            <p className={vs.text}>{objection.reason || 'No reason given.'}</p>
            <p className={vs.muted}>{objection.memberName}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The running consent check: the proposed text, the answers so far, the member's own, and closing it. */
export function ConsentCheckSection({ proposal, run }: { proposal: Proposal; run: Run }) {
  const section = useSectionStyles();
  const vs = useVisionStyles();
  const styles = useStyles();
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const answer = async (chosen: ConsentAnswer, withReason?: string) => {
    setSending(true);
    const failed = await run(
      { kind: 'respond', proposal, answer: chosen, ...(withReason ? { reason: withReason } : {}) },
      { inline: chosen === 'object' },
    );
    setSending(false);
    if (chosen === 'object') {
      setReasonError(failed ? failed.message : null);
      if (!failed) {
        setObjecting(false);
        setReason('');
      }
    }
  };

  const submitObjection = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setReasonError('Say what makes this vision one you cannot live with.');
      return;
    }
    void answer('object', text);
  };

  return (
    <section className={section.section} aria-labelledby="consent-heading">
      <h2 id="consent-heading" className={section.heading}>
        Consent check: can you live with this vision?
      </h2>
      <p className={styles.proposed}>{proposal.text}</p>
      <p className={vs.muted}>
        Started by {proposal.facilitator.name}, {formatMoment(proposal.openedAt)}. Consent if you can live
        with it, stand aside if you have doubts but will not block it, object if it must change — with a
        reason.
      </p>
      <Counts proposal={proposal} />
      <div className={vs.row} role="group" aria-label="Your answer">
        {ANSWERS.map((option) => (
          <ToggleButton
            key={option.answer}
            checked={proposal.myAnswer === option.answer}
            disabled={sending}
            appearance={proposal.myAnswer === option.answer ? 'primary' : 'secondary'}
            onClick={() => {
              if (option.answer === 'object') {
                setObjecting(true);
                return;
              }
              setObjecting(false);
              void answer(option.answer);
            }}
          >
            {option.label}
          </ToggleButton>
        ))}
      </div>
      {proposal.myAnswer && !objecting && (
        <p className={vs.muted}>You can change your answer until the check is closed.</p>
      )}
      {objecting && (
        <form className={vs.form} onSubmit={submitObjection} noValidate aria-label="Your objection">
          <Field
            label="Why do you object?"
            required
            validationMessage={reasonError ?? undefined}
            hint="The team sees your reason and can amend the proposal."
          >
            <Textarea
              value={reason}
              resize="vertical"
              maxLength={1000}
              onChange={(_, data) => {
                setReason(data.value);
                setReasonError(null);
              }}
            />
          </Field>
          <div className={vs.row}>
            <Button type="submit" appearance="primary" disabled={sending}>
              Send objection
            </Button>
            <Button onClick={() => setObjecting(false)}>Cancel</Button>
          </div>
        </form>
      )}
      <Objections proposal={proposal} />
      {proposal.canClose && (
        <div className={vs.stack}>
          <p className={vs.muted}>
            You facilitate this check. Close it when everyone has had their say: with no objection the vision
            is adopted and announced in the channel.
          </p>
          <Button
            className={vs.submit}
            disabled={sending}
            onClick={() => void run({ kind: 'close', proposal })}
          >
            Close check
          </Button>
        </div>
      )}
    </section>
  );
}

/** The last check, closed with objections: the reasons, and what to do next. */
export function ObjectedCheckSection({ proposal }: { proposal: Proposal }) {
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <section className={section.section} aria-labelledby="objected-heading">
      <h2 id="objected-heading" className={section.heading}>
        The last proposal was not adopted
      </h2>
      <p className={styles.proposed}>{proposal.text}</p>
      <p className={section.muted}>
        Closed {proposal.closedAt ? formatMoment(proposal.closedAt) : ''} with{' '}
        {plural(proposal.counts.object, 'objection', 'objections')}. Address the reasons below, then merge the
        drafts into a new proposal.
      </p>
      <Objections proposal={proposal} />
    </section>
  );
}
