import { useState } from 'react';

import type { DisposalLogView, DisposalRow, SessionInfo } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SuccessMessage } from '../shared/SuccessMessage';
import { CheckPanel } from './CheckPanel';
import { DeviceDisposalForm } from './DeviceDisposalForm';
import { DisposalLog } from './DisposalLog';
import { disposalName } from './labels';
import { useDisposalLog, type DisposalId } from './useDisposals';
import { WasteCollectionForm } from './WasteCollectionForm';

/** What the disposals screen shows: the log, a form to record one, or a disposal to check and sign. */
type View = { kind: 'log' } | { kind: 'device' } | { kind: 'waste' } | { kind: 'check'; id: DisposalId };

/** "Disposal of LT-0012 recorded", with the first letter in capitals. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The disposal log: devices and media the practice has disposed of, with their certificates of
 * destruction kept encrypted in the vault, and confidential-waste collections; each checked and
 * signed by the IG lead or SIRO. What anyone may do here is decided in core.
 */
export function DisposalsScreen({ session }: { session: SessionInfo }) {
  const log = useDisposalLog();
  const [view, setView] = useState<View>({ kind: 'log' });
  // What the last change did, shown until the next move.
  const [message, setMessage] = useState<string | null>(null);
  const go = (next: View, said?: string) => {
    setView(next);
    setMessage(said ?? null);
  };
  const toLog = () => go({ kind: 'log' });
  const recorded = (row: DisposalRow) =>
    go(
      { kind: 'log' },
      row.checkedBy
        ? `${sentence(disposalName(row))} is recorded.`
        : `${sentence(disposalName(row))} is recorded. It is waiting to be checked and signed.`,
    );

  function content() {
    if (log.isPending) {
      return (
        <>
          <h1>Disposals</h1>
          <Loading>Loading the disposal log…</Loading>
        </>
      );
    }
    if (log.isError) {
      return (
        <>
          <h1>Disposals</h1>
          <LoadFailed title="The disposal log cannot be shown" error={log.error} onRetry={() => void log.refetch()} />
        </>
      );
    }
    switch (view.kind) {
      case 'device':
        return <DeviceDisposalForm view={log.data} onCancel={toLog} onRecorded={recorded} />;
      case 'waste':
        return <WasteCollectionForm methods={log.data.wasteMethods} onCancel={toLog} onRecorded={recorded} />;
      case 'check': {
        const disposal = log.data.disposals.find((row) => row.id === view.id);
        if (disposal) {
          return (
            <CheckPanel
              key={String(view.id)}
              disposal={disposal}
              onCancel={toLog}
              onChecked={(row) => go({ kind: 'log' }, `${sentence(disposalName(row))} is checked and signed.`)}
            />
          );
        }
        // Gone from the log since (another copy of the vault): back to it.
        return <LogPage session={session} log={log.data} message={message} go={go} />;
      }
      case 'log':
        return <LogPage session={session} log={log.data} message={message} go={go} />;
    }
  }

  return <div id="disposals-screen">{content()}</div>;
}

type LogPageProps = {
  session: SessionInfo;
  log: DisposalLogView;
  message: string | null;
  go: (next: View, said?: string) => void;
};

/** The log with what the viewer may do from it. */
function LogPage({ session, log, message, go }: LogPageProps) {
  return (
    <>
      <SuccessMessage id="disposal-message" message={message} />
      <h1>Disposals</h1>
      <p>
        The devices and media the practice has disposed of, how and by whom, with each certificate of destruction kept
        encrypted in the vault; and the collections of confidential waste.
        {session.permissions.manageDevices
          ? ' The IG lead or SIRO checks and signs each one.'
          : ' Those who keep the device register record them; the IG lead or SIRO checks and signs each one.'}
      </p>
      {log.canRecord ? (
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button" id="disposal-record-device" onClick={() => go({ kind: 'device' })}>
            Record a device disposal
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="disposal-record-waste"
            onClick={() => go({ kind: 'waste' })}
          >
            Record a confidential-waste collection
          </button>
        </div>
      ) : null}
      <DisposalLog view={log} onCheck={(disposal) => go({ kind: 'check', id: disposal.id })} />
    </>
  );
}
