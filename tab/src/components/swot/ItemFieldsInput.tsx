import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { TAG_LABELS } from '../../swot/quadrants';
import type { Tag } from '../../swot/swot-schemas';

export const MAX_ITEM_TEXT = 500;

/** The fields of an item as the member types them. */
export interface ItemDraft {
  text: string;
  tag: Tag;
  evidence: string;
}

export const EMPTY_DRAFT: ItemDraft = { text: '', tag: null, evidence: '' };

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 10rem) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 420px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  control: { minWidth: 0, width: '100%' },
});

interface ItemFieldsInputProps {
  draft: ItemDraft;
  onChange: (draft: ItemDraft) => void;
  textLabel: string;
  /** Server or form errors, by field. */
  errors: Partial<Record<'text' | 'tag' | 'evidence', string>>;
}

/** Text (with its 500-character counter), tag and one piece of evidence: the add form's and the edit dialog's. */
export function ItemFieldsInput({ draft, onChange, textLabel, errors }: ItemFieldsInputProps) {
  const styles = useStyles();
  const length = draft.text.trim().length;
  const over = length > MAX_ITEM_TEXT;
  return (
    <>
      <Field
        label={textLabel}
        required
        validationMessage={errors.text ?? (over ? `At most ${MAX_ITEM_TEXT} characters.` : undefined)}
        hint={`${length} / ${MAX_ITEM_TEXT} characters`}
      >
        <Textarea
          value={draft.text}
          resize="vertical"
          onChange={(_, data) => onChange({ ...draft, text: data.value })}
        />
      </Field>
      <div className={styles.pair}>
        <Field label="Tag" validationMessage={errors.tag}>
          <Select
            className={styles.control}
            value={draft.tag ?? ''}
            onChange={(_, data) =>
              onChange({
                ...draft,
                tag: data.value === 'symptom' || data.value === 'root-cause' ? data.value : null,
              })
            }
          >
            <option value="">None</option>
            <option value="symptom">{TAG_LABELS.symptom}</option>
            <option value="root-cause">{TAG_LABELS['root-cause']}</option>
          </Select>
        </Field>
        <Field label="Evidence (link or note, optional)" validationMessage={errors.evidence}>
          <Input
            className={styles.control}
            value={draft.evidence}
            maxLength={2000}
            onChange={(_, data) => onChange({ ...draft, evidence: data.value })}
          />
        </Field>
      </div>
    </>
  );
}

/** Puts a server error next to the field it names (`text`, `tag`, `evidence.0.url`, …); null if none fits. */
export function fieldErrors(
  error: { message: string; details: { field?: string } } | null,
): Partial<Record<'text' | 'tag' | 'evidence', string>> | null {
  const field = error?.details.field?.split('.')[0];
  if (!error || (field !== 'text' && field !== 'tag' && field !== 'evidence')) return null;
  return { [field]: error.message };
}
