import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  type BadgeProps,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Delete20Regular, Send20Regular } from '@fluentui/react-icons';
import { toApiError, type ApiError } from '../../api';
import { formatMoment } from '../../vision/format';
import type { WorkflowsClient } from '../../workflows/workflows-api';
import { EVENT_OPTIONS, type Delivery, type Webhook } from '../../workflows/workflows-schemas';
import { ConfirmButton } from './ConfirmButton';
import { useLayoutStyles } from '../layout-styles';
import { useWorkflowsStyles } from './workflows-styles';

const statusBadge: Record<Delivery['status'], { label: string; color: BadgeProps['color'] }> = {
  pending: { label: 'Pending', color: 'warning' },
  delivered: { label: 'Delivered', color: 'success' },
  failed: { label: 'Failed', color: 'danger' },
};

const eventLabel = (type: string) =>
  type === 'webhook.test' ? 'Test event' : (EVENT_OPTIONS.find((each) => each.type === type)?.label ?? type);

/** "HTTP 500 · the receiver did not answer in 10 s": what the last attempt came to. */
function lastAttempt(delivery: Delivery): string {
  const parts = [
    `${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}`,
    ...(delivery.lastStatusCode !== null ? [`HTTP ${delivery.lastStatusCode}`] : []),
    ...(delivery.lastError ? [delivery.lastError] : []),
    ...(delivery.status === 'pending' && delivery.nextAttemptAt
      ? [`next try ${formatMoment(delivery.nextAttemptAt)}`]
      : []),
  ];
  return parts.join(' · ');
}

type Deliveries =
  { status: 'loading' } | { status: 'ready'; list: Delivery[] } | { status: 'error'; error: ApiError };

/** One webhook: where it sends, which events, its recent deliveries, `Send test event` and `Remove`. */
export function WebhookItem({
  client,
  webhook,
  onRemoved,
  onError,
}: {
  client: WorkflowsClient;
  webhook: Webhook;
  onRemoved: (webhookId: string) => void;
  onError: (error: ApiError) => void;
}) {
  const ws = useWorkflowsStyles();
  const ls = useLayoutStyles();
  const [deliveries, setDeliveries] = useState<Deliveries>({ status: 'loading' });
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<Delivery | null>(null);
  const [removing, setRemoving] = useState(false);

  const load = useCallback(async () => {
    try {
      setDeliveries({ status: 'ready', list: await client.deliveries(webhook.id) });
    } catch (error: unknown) {
      setDeliveries({ status: 'error', error: toApiError(error) });
    }
  }, [client, webhook.id]);
  useEffect(() => {
    const controller = new AbortController();
    client.deliveries(webhook.id, controller.signal).then(
      (list) => setDeliveries({ status: 'ready', list }),
      (error: unknown) => {
        if (!controller.signal.aborted) setDeliveries({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [client, webhook.id]);

  const sendTest = async () => {
    setTesting(true);
    setTested(null);
    try {
      setTested(await client.sendTest(webhook.id));
      await load();
    } catch (error: unknown) {
      onError(toApiError(error));
    } finally {
      setTesting(false);
    }
  };

  const remove = async () => {
    setRemoving(true);
    try {
      await client.removeWebhook(webhook.id);
      onRemoved(webhook.id);
    } catch (error: unknown) {
      setRemoving(false);
      onError(toApiError(error));
    }
  };

  const headingId = `webhook-${webhook.id}`;
  return (
    <li className={ls.card}>
      <p className={ws.url} id={headingId}>
        {webhook.url}
      </p>
      <p className={ls.muted}>
        {webhook.events.map(eventLabel).join(', ') || 'No events'} ·{' '}
        {webhook.source === 'flow' ? 'added by a Power Automate flow' : `added by ${webhook.createdBy}`},{' '}
        {formatMoment(webhook.createdAt)}
      </p>
      <div className={ls.row}>
        <Button
          icon={<Send20Regular />}
          onClick={() => void sendTest()}
          disabled={testing || removing}
          aria-describedby={headingId}
        >
          {testing ? 'Sending…' : 'Send test event'}
        </Button>
        <Button
          icon={<ArrowClockwise20Regular />}
          appearance="subtle"
          onClick={() => void load()}
          aria-label={`Refresh the deliveries of ${webhook.url}`}
        >
          Refresh
        </Button>
        <ConfirmButton
          label="Remove"
          icon={<Delete20Regular />}
          title="Remove this webhook?"
          body={`${webhook.url} will get no more events. A flow that used it stops being triggered.`}
          confirm="Remove"
          busy={removing}
          describedBy={headingId}
          onConfirm={() => void remove()}
        />
      </div>
      {tested && (
        <MessageBar
          intent={tested.status === 'delivered' ? 'success' : 'error'}
          layout="multiline"
          role="status"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {tested.status === 'delivered' ? 'Test event delivered' : 'Test event not delivered'}
            </MessageBarTitle>{' '}
            {lastAttempt(tested)}
          </MessageBarBody>
        </MessageBar>
      )}
      <h4 className={ls.heading3}>Recent deliveries</h4>
      {deliveries.status === 'loading' && <Spinner size="tiny" label="Loading the deliveries…" />}
      {deliveries.status === 'error' && (
        <p className={ls.error} role="alert">
          The deliveries could not be loaded: {deliveries.error.message}
        </p>
      )}
      {deliveries.status === 'ready' &&
        (deliveries.list.length === 0 ? (
          <p className={ls.muted}>Nothing sent yet. Press “Send test event” to try it.</p>
        ) : (
          <ul className={ws.deliveries} aria-label={`Recent deliveries to ${webhook.url}`}>
            {deliveries.list.map((delivery) => (
              <li className={ws.delivery} key={`${delivery.eventId}|${delivery.createdAt}`}>
                <Badge appearance="tint" color={statusBadge[delivery.status].color}>
                  {statusBadge[delivery.status].label}
                </Badge>
                <span className={ls.text}>{eventLabel(delivery.eventType)}</span>
                <span className={ls.muted}>
                  {formatMoment(delivery.updatedAt)} · {lastAttempt(delivery)}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </li>
  );
}
