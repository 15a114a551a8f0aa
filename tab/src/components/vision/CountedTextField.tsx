import { Field, Textarea } from '@fluentui/react-components';

/** A text area with its "n / max characters" counter, for drafts, comments and the merged proposal. */
export function CountedTextField({
  label,
  value,
  onChange,
  max,
  error,
  hint,
  rows,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string | null;
  hint?: string;
  rows?: number;
}) {
  const length = value.trim().length;
  const over = length > max;
  return (
    <Field
      label={label}
      required
      validationMessage={error ?? (over ? `At most ${max} characters.` : undefined)}
      hint={`${hint ? `${hint} ` : ''}${length} / ${max} characters`}
    >
      <Textarea
        value={value}
        resize="vertical"
        rows={rows ?? 3}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
