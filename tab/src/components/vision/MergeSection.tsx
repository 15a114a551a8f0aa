import { useState, type FormEvent } from 'react';
import { Button, Checkbox } from '@fluentui/react-components';
import type { ApiError } from '../../api';
import type { RunOptions } from '../../vision/use-vision-actions';
import type { VisionOperation } from '../../vision/vision-operations';
import { MAX_VISION_TEXT, type Draft } from '../../vision/vision-schemas';
import { useSectionStyles } from '../styles';
import { CountedTextField } from './CountedTextField';
import { useVisionStyles } from './vision-styles';

type Run = (operation: VisionOperation, options?: RunOptions) => Promise<ApiError | null>;

/** The selected drafts' texts, in the order the list shows them, as the proposal's starting text. */
function joined(drafts: readonly Draft[], selected: readonly string[]): string {
  return drafts
    .filter((draft) => selected.includes(draft.id))
    .map((draft) => draft.text.trim())
    .join(' ');
}

/**
 * Merges drafts into one proposed vision and starts its consent check. The text starts as the selected
 * drafts joined; once the member edits it, choosing drafts no longer rewrites it.
 */
export function MergeSection({ drafts, run }: { drafts: readonly Draft[]; run: Run }) {
  const section = useSectionStyles();
  const vs = useVisionStyles();
  const [selected, setSelected] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [edited, setEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Drafts withdrawn or merged since they were ticked drop out of the selection.
  const chosen = selected.filter((id) => drafts.some((draft) => draft.id === id));

  const toggle = (draftId: string, on: boolean) => {
    const next = on ? [...chosen, draftId] : chosen.filter((id) => id !== draftId);
    setSelected(next);
    if (!edited) setText(joined(drafts, next));
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (chosen.length === 0) {
      setError('Tick at least one draft to merge.');
      return;
    }
    if (!trimmed) {
      setError('Write the proposed vision first.');
      return;
    }
    if (trimmed.length > MAX_VISION_TEXT) return;
    setSaving(true);
    const failed = await run({ kind: 'propose', text: trimmed, draftIds: chosen }, { inline: true });
    setSaving(false);
    setError(failed?.message ?? null);
    if (!failed) {
      setSelected([]);
      setText('');
      setEdited(false);
    }
  };

  return (
    <section className={section.section} aria-labelledby="merge-heading">
      <h2 id="merge-heading" className={section.heading}>
        Merge into a proposal
      </h2>
      <p className={section.muted}>
        Tick the drafts to merge, shape them into one statement, and start a consent check. You will
        facilitate it.
      </p>
      <form className={vs.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Merge drafts">
        <fieldset className={vs.fieldset}>
          <legend className={vs.heading3}>Drafts to merge</legend>
          {drafts.map((draft) => (
            <Checkbox
              key={draft.id}
              checked={chosen.includes(draft.id)}
              onChange={(_, data) => toggle(draft.id, data.checked === true)}
              label={`${draft.text} — ${draft.author.name}`}
            />
          ))}
        </fieldset>
        <CountedTextField
          label="Proposed vision"
          value={text}
          onChange={(value) => {
            setText(value);
            setEdited(value.trim() !== '');
            setError(null);
          }}
          max={MAX_VISION_TEXT}
          error={error}
          rows={4}
        />
        <Button className={vs.submit} type="submit" appearance="primary" disabled={saving}>
          Start consent check
        </Button>
      </form>
    </section>
  );
}
