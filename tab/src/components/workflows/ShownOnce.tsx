import { useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useLayoutStyles } from '../layout-styles';
import { useWorkflowsStyles } from './workflows-styles';

/**
 * A secret the server shows only once (a webhook's signing secret, an API key): read-only, with `Copy`,
 * until the owner says they have it.
 */
export function ShownOnce({
  title,
  label,
  value,
  hint,
  onDone,
}: {
  title: string;
  label: string;
  value: string;
  hint: string;
  onDone: () => void;
}) {
  const ws = useWorkflowsStyles();
  const ls = useLayoutStyles();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');

  const copyValue = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // Clipboard access can be refused inside Teams' frame: select the text so Ctrl+C copies it.
      input.current?.select();
      setCopy('manual');
    }
  };

  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <div className={ls.stack}>
          <MessageBarTitle>{title}</MessageBarTitle>
          <span>Copy it now: it is shown only this once. {hint}</span>
          <Field
            label={label}
            validationState={copy === 'idle' ? 'none' : copy === 'copied' ? 'success' : 'warning'}
            validationMessage={
              copy === 'copied'
                ? 'Copied.'
                : copy === 'manual'
                  ? 'Selected: press Ctrl+C to copy it.'
                  : undefined
            }
          >
            <div className={ls.row}>
              <Input
                ref={input}
                className={ws.secret}
                value={value}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
              />
              <Button icon={<Copy20Regular />} onClick={() => void copyValue()}>
                Copy
              </Button>
            </div>
          </Field>
          <Button className={ls.submit} appearance="primary" onClick={onDone}>
            I have copied it
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
