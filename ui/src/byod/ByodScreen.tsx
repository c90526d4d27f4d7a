import { useState } from 'react';

import type { ByodView, SessionInfo } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SuccessMessage } from '../shared/SuccessMessage';
import { AcceptRiskPanel } from './AcceptRiskPanel';
import { ByodCheckForm } from './ByodCheckForm';
import { ByodChecks } from './ByodChecks';
import { Checklists } from './Checklists';
import { useByod, type ByodCheckId } from './useByod';

/** What the BYOD screen shows: the checks, the form for a new one, or the SIRO accepting a risk. */
type View = { kind: 'list' } | { kind: 'new' } | { kind: 'accept'; id: ByodCheckId };

/**
 * BYOD checks: staff who use their own laptop or phone for practice work have it checked first,
 * against a checklist. What anyone may do here is decided in core.
 */
export function ByodScreen({ session }: { session: SessionInfo }) {
  const byod = useByod();
  const [view, setView] = useState<View>({ kind: 'list' });
  // What the last change did, shown until the next move.
  const [message, setMessage] = useState<string | null>(null);
  const go = (next: View, said?: string) => {
    setView(next);
    setMessage(said ?? null);
  };
  const toList = (said?: string) => go({ kind: 'list' }, said);

  function content() {
    if (byod.isPending) {
      return (
        <>
          <h1>BYOD checks</h1>
          <Loading>Loading the BYOD checks…</Loading>
        </>
      );
    }
    if (byod.isError) {
      return (
        <>
          <h1>BYOD checks</h1>
          <LoadFailed title="The BYOD checks cannot be shown" error={byod.error} onRetry={() => void byod.refetch()} />
        </>
      );
    }
    switch (view.kind) {
      case 'new':
        return <ByodCheckForm view={byod.data} onCancel={() => toList()} onRecorded={toList} />;
      case 'accept': {
        const check = byod.data.checks.find((candidate) => candidate.id === view.id);
        if (check) return (
            <AcceptRiskPanel
              check={check}
              signer={session.person.fullName}
              onCancel={() => toList()}
              onAccepted={toList}
            />
          );
        return <ChecksList view={byod.data} message={message} go={go} />;
      }
      case 'list':
        return <ChecksList view={byod.data} message={message} go={go} />;
    }
  }

  return <div id="byod-screen">{content()}</div>;
}

type ChecksListProps = {
  view: ByodView;
  message: string | null;
  go: (next: View, said?: string) => void;
};

function ChecksList({ view, message, go }: ChecksListProps) {
  return (
    <>
      <SuccessMessage id="byod-message" message={message} />
      <h1>BYOD checks</h1>
      <p>
        When staff use their own laptop or phone for practice work, a manager checks the device first, item by item
        against the practice&apos;s checklist. If it is approved with a risk, the SIRO accepts the risk. Each device is
        checked again a year later, and when the person leaves.
      </p>
      {view.canCheck ? (
        <button type="button" className="nhsuk-button" id="byod-new" onClick={() => go({ kind: 'new' })}>
          Check a new starter&apos;s device
        </button>
      ) : null}
      <ByodChecks
        checks={view.checks}
        canAcceptRisk={view.canAcceptRisk}
        onAccept={(check) => go({ kind: 'accept', id: check.id })}
      />
      {view.canCheck ? <Checklists checklists={view.checklists} onAdded={(said) => go({ kind: 'list' }, said)} /> : null}
    </>
  );
}
