import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { toApiError, type ApiError, type Identity } from '../../api';
import { createWorkflowsClient } from '../../workflows/workflows-api';
import {
  webhookSchema,
  type ApiKey,
  type CreatedWebhook,
  type Webhook,
} from '../../workflows/workflows-schemas';
import { ErrorState } from '../ErrorState';
import { FailureBar } from '../FailureBar';
import { LoadingState } from '../LoadingState';
import { useSectionStyles } from '../styles';
import { ApiKeysSection } from './ApiKeysSection';
import { ShownOnce } from './ShownOnce';
import { WebhookForm } from './WebhookForm';
import { WebhookItem } from './WebhookItem';
import { useLayoutStyles } from '../layout-styles';

type Loaded =
  | { status: 'loading' }
  | { status: 'refused'; message: string }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; webhooks: Webhook[]; keys: ApiKey[] };

/** What a member who is not a team owner sees; the server's reason when it gives one. */
const REFUSED = 'Only team owners can connect workflows.';

/** The Workflows view: webhooks that receive the team's events, and API keys for flows that call in. */
export function WorkflowsView({
  identity,
  teamId,
  errorActions,
}: {
  identity: Identity;
  teamId: string;
  errorActions?: ReactNode;
}) {
  const section = useSectionStyles();
  const ls = useLayoutStyles();
  const client = useMemo(() => createWorkflowsClient(identity, teamId), [identity, teamId]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([client.webhooks(controller.signal), client.apiKeys(controller.signal)]).then(
      ([webhooks, keys]) => setLoaded({ status: 'ready', webhooks, keys }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failed = toApiError(error);
        setLoaded(
          failed.status === 403
            ? { status: 'refused', message: failed.message }
            : { status: 'error', error: failed },
        );
      },
    );
    return () => controller.abort();
  }, [client, attempt]);

  const update = useCallback(
    (
      change: (ready: Extract<Loaded, { status: 'ready' }>) => Partial<Extract<Loaded, { status: 'ready' }>>,
    ) => setLoaded((current) => (current.status === 'ready' ? { ...current, ...change(current) } : current)),
    [],
  );
  const onError = useCallback((error: ApiError) => {
    // Ownership can change while the view is open: a 403 turns the whole view into the refusal.
    if (error.status === 403) setLoaded({ status: 'refused', message: error.message });
    else setFailure(error);
  }, []);

  if (loaded.status === 'loading') return <LoadingState label="Loading the team’s workflows…" />;
  if (loaded.status === 'refused')
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{REFUSED}</MessageBarTitle> {loaded.message}
        </MessageBarBody>
      </MessageBar>
    );
  if (loaded.status === 'error')
    return (
      <ErrorState
        error={loaded.error}
        onRetry={() => {
          setLoaded({ status: 'loading' });
          setAttempt((n) => n + 1);
        }}
        actions={errorActions}
      />
    );

  return (
    <>
      {failure && <FailureBar failure={failure} onDismiss={() => setFailure(null)} />}
      <section className={section.section} aria-labelledby="webhooks-heading">
        <h2 className={section.heading} id="webhooks-heading">
          Webhooks
        </h2>
        <p className={section.muted}>
          Leading Together posts the team’s events — with their Adaptive Card — to these URLs: a Teams
          Workflows flow, Power Automate or any HTTPS endpoint. Each delivery is signed with the webhook’s
          secret and retried for a day.
        </p>
        {created && (
          <ShownOnce
            title="Webhook added"
            label="Signing secret"
            value={created.secret}
            hint="The receiver checks the X-LT-Signature header with it."
            onDone={() => setCreated(null)}
          />
        )}
        <WebhookForm
          client={client}
          localMode={identity.kind === 'local'}
          onCreated={(webhook) => {
            setCreated(webhook);
            // The list never holds the secret: parsing as a listed webhook drops it.
            update((ready) => ({ webhooks: [...ready.webhooks, webhookSchema.parse(webhook)] }));
          }}
        />
        {loaded.webhooks.length === 0 ? (
          <p className={section.muted}>No webhooks yet.</p>
        ) : (
          <ul className={ls.list} aria-label="Webhooks">
            {loaded.webhooks.map((webhook) => (
              <WebhookItem
                key={webhook.id}
                client={client}
                webhook={webhook}
                onError={onError}
                onRemoved={(webhookId) =>
                  update((ready) => ({ webhooks: ready.webhooks.filter((each) => each.id !== webhookId) }))
                }
              />
            ))}
          </ul>
        )}
      </section>
      <ApiKeysSection
        client={client}
        keys={loaded.keys}
        onError={onError}
        onChange={(keys) => update(() => ({ keys }))}
      />
    </>
  );
}

export default WorkflowsView;
