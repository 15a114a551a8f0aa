import { Field, Select } from '@fluentui/react-components';
import type { TeamMember } from '../../priority/priority-schemas';

/** A member of the team's Teams roster, for an owner or an assignment. */
export function MemberSelect({
  label,
  members,
  value,
  error,
  onChange,
}: {
  label: string;
  members: TeamMember[];
  value: string;
  error: string | undefined;
  onChange: (memberId: string) => void;
}) {
  return (
    <Field label={label} required validationMessage={error}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">Choose a member…</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name || member.id}
          </option>
        ))}
      </Select>
    </Field>
  );
}
