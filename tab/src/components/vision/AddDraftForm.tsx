import { useState, type FormEvent } from 'react';
import { Button } from '@fluentui/react-components';
import type { ApiError } from '../../api';
import type { RunOptions } from '../../vision/use-vision-actions';
import type { VisionOperation } from '../../vision/vision-operations';
import { MAX_VISION_TEXT } from '../../vision/vision-schemas';
import { CountedTextField } from './CountedTextField';
import { useVisionStyles } from './vision-styles';

type Run = (operation: VisionOperation, options?: RunOptions) => Promise<ApiError | null>;

/** Adds a draft vision statement. What is typed is the form's own state, so live updates never clear it. */
export function AddDraftForm({ run }: { run: Run }) {
  const vs = useVisionStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Type your draft first.');
      return;
    }
    if (trimmed.length > MAX_VISION_TEXT) return;
    setSaving(true);
    const failed = await run({ kind: 'add-draft', text: trimmed }, { inline: true });
    setSaving(false);
    setError(failed?.message ?? null);
    if (!failed) setText('');
  };

  return (
    <form className={vs.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Add a draft">
      <CountedTextField
        label="Your draft vision statement"
        value={text}
        onChange={(value) => {
          setText(value);
          setError(null);
        }}
        max={MAX_VISION_TEXT}
        error={error}
        hint="Where should the team be in a few years, and why does it matter?"
      />
      <Button className={vs.submit} type="submit" appearance="primary" disabled={saving}>
        Add a draft
      </Button>
    </form>
  );
}
