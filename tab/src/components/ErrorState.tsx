import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ApiError } from '../api';

interface Explanation {
  intent: MessageBarIntent;
  title: string;
  body: string;
}

function explain(error: ApiError): Explanation {
  if (error.code === 'not_found' || error.status === 404) {
    return {
      intent: 'warning',
      title: 'This team isn’t set up yet',
      body: 'Leading Together isn’t installed in this team. Add the app to the team, then try again.',
    };
  }
  if (error.status === 401) {
    return {
      intent: 'error',
      title: 'We couldn’t confirm who you are',
      body: 'Your sign-in may have expired. Try again.',
    };
  }
  if (error.status === 403) {
    return { intent: 'error', title: 'This team’s page isn’t open to you', body: error.message };
  }
  if (error.code === 'auth_unavailable') {
    return { intent: 'error', title: 'Sign-in didn’t work', body: error.message };
  }
  if (error.code === 'network') {
    return { intent: 'error', title: 'Leading Together can’t be reached', body: error.message };
  }
  if (error.status >= 500 || error.code.startsWith('http_')) {
    return {
      intent: 'error',
      title: 'Leading Together is having trouble',
      body: error.code.startsWith('http_') ? 'Nothing was changed. Try again in a moment.' : error.message,
    };
  }
  return { intent: 'error', title: 'Something went wrong', body: error.message };
}

/** An error the user can act on: what happened, and a retry (never a blank page). */
export function ErrorState({
  error,
  onRetry,
  actions,
}: {
  error: ApiError;
  onRetry: () => void;
  actions?: ReactNode;
}) {
  const { intent, title, body } = explain(error);
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {body}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Try again</Button>
        {actions}
      </MessageBarActions>
    </MessageBar>
  );
}
