import { useState, type FormEvent } from 'react';
import { Badge, Button, Field, Select } from '@fluentui/react-components';
import { toApiError } from '../../api';
import type { PriorityClient } from '../../priority/priority-api';
import { ROLE_OPTIONS, type Owner, type OwnerRole, type TeamMember } from '../../priority/priority-schemas';
import { useLayoutStyles } from '../layout-styles';
import { useSectionStyles } from '../styles';
import { MemberSelect } from './MemberSelect';

const roleLabel = (role: OwnerRole) => ROLE_OPTIONS.find((option) => option.role === role)?.label ?? role;

function OwnerStatus({ owner }: { owner: Owner }) {
  if (owner.status === 'declined')
    return (
      <Badge appearance="outline" color="danger">
        Declined
      </Badge>
    );
  if (owner.status === 'proposed')
    return (
      <Badge appearance="outline" color="warning">
        Asked
      </Badge>
    );
  return (
    <Badge appearance="tint" color="success">
      Accepted
    </Badge>
  );
}

/** Who owns the priority, in which role, in their own words; and the form to ask someone to take a role. */
export function OwnersSection({
  client,
  owners,
  members,
  onChanged,
}: {
  client: PriorityClient;
  owners: Owner[];
  members: TeamMember[];
  onChanged: () => void;
}) {
  const section = useSectionStyles();
  const ls = useLayoutStyles();
  return (
    <section className={section.section} aria-labelledby="owners-heading">
      <h2 id="owners-heading" className={section.heading}>
        Owners and roles
      </h2>
      {owners.length === 0 ? (
        <p className={section.muted}>
          No owners yet. One lead and any co-owners, contributors and consulted members share the priority.
        </p>
      ) : (
        <ul className={ls.list} aria-label="Owners">
          {owners.map((owner) => (
            <li key={owner.memberId} className={ls.card}>
              <div className={ls.row}>
                <span className={ls.text}>
                  <strong>{owner.name}</strong> · {roleLabel(owner.role)}
                </span>
                <OwnerStatus owner={owner} />
              </div>
              {owner.statement && <p className={ls.text}>“{owner.statement}”</p>}
              {owner.status === 'proposed' && (
                <p className={ls.muted}>Asked in Teams to Accept or Decline.</p>
              )}
              {owner.pendingRole && (
                <p className={ls.muted}>Asked to become {roleLabel(owner.pendingRole).toLowerCase()}.</p>
              )}
              {owner.status === 'declined' && owner.declineReason && (
                <p className={ls.muted}>Reason: {owner.declineReason}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <AssignForm client={client} members={members} onAssigned={onChanged} />
    </section>
  );
}

function AssignForm({
  client,
  members,
  onAssigned,
}: {
  client: PriorityClient;
  members: TeamMember[];
  onAssigned: () => void;
}) {
  const ls = useLayoutStyles();
  const [memberId, setMemberId] = useState('');
  const [role, setRole] = useState<OwnerRole>('co-owner');
  const [error, setError] = useState<{ field: 'memberId' | 'form'; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (memberId === '') {
      setError({ field: 'memberId', message: 'Choose whom to ask.' });
      return;
    }
    setSaving(true);
    try {
      await client.assign({ memberId, role });
      setMemberId('');
      setError(null);
      onAssigned();
    } catch (failure) {
      const failed = toApiError(failure);
      setError({ field: failed.details.field === 'memberId' ? 'memberId' : 'form', message: failed.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={ls.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Assign a role">
      <div className={ls.row}>
        <MemberSelect
          label="Member"
          members={members}
          value={memberId}
          error={error?.field === 'memberId' ? error.message : undefined}
          onChange={(value) => {
            setMemberId(value);
            setError(null);
          }}
        />
        <Field label="Role">
          <Select value={role} onChange={(_, data) => setRole(data.value as OwnerRole)}>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.role} value={option.role}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <p className={ls.muted}>They get a card in Teams to Accept or Decline.</p>
      {error?.field === 'form' && (
        <p className={ls.error} role="alert">
          {error.message}
        </p>
      )}
      <Button className={ls.submit} type="submit" appearance="primary" disabled={saving}>
        Assign
      </Button>
    </form>
  );
}
