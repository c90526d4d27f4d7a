import { useState } from 'react';

import type { IncidentRow, IncidentsView, SessionInfo } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SuccessMessage } from '../shared/SuccessMessage';
import { IncidentList } from './IncidentList';
import { IncidentPage } from './IncidentPage';
import { RecordIncidentForm, type IncidentDraft } from './RecordIncidentForm';
import { useIncidents, type IncidentId } from './useIncidents';

/**
 * Where the incidents section opens when another screen sends someone there: the record form
 * filled in from a device's page, or one incident's page.
 */
export type IncidentsStart = { kind: 'record'; draft: IncidentDraft } | { kind: 'incident'; id: IncidentId };

/** What the incidents screen shows: the list, the record form, or one incident. */
type View = { kind: 'list' } | { kind: 'record'; draft?: IncidentDraft } | { kind: 'incident'; id: IncidentId };

type IncidentsScreenProps = {
  session: SessionInfo;
  /** Where to open, when not at the list. */
  start?: IncidentsStart | undefined;
};

/**
 * Incidents: anyone records one; the IG lead grades it, keeps its log, records the reports within
 * the 72-hour clock, and begins the signed closure review. What anyone may do is decided in core.
 */
export function IncidentsScreen({ session, start }: IncidentsScreenProps) {
  const incidents = useIncidents();
  const [view, setView] = useState<View>(start ?? { kind: 'list' });
  // What the last change did, shown until the next move.
  const [message, setMessage] = useState<string | null>(null);
  const go = (next: View, said?: string) => {
    setView(next);
    setMessage(said ?? null);
  };
  const toList = () => go({ kind: 'list' });

  function content() {
    if (incidents.isPending) {
      return (
        <>
          <h1>Incidents</h1>
          <Loading>Loading the incidents…</Loading>
        </>
      );
    }
    if (incidents.isError) {
      return (
        <>
          <h1>Incidents</h1>
          <LoadFailed title="The incidents cannot be shown" error={incidents.error} onRetry={() => void incidents.refetch()} />
        </>
      );
    }
    switch (view.kind) {
      case 'record':
        return (
          <RecordIncidentForm
            view={incidents.data}
            draft={view.draft}
            onCancel={toList}
            onRecorded={(row) => go({ kind: 'incident', id: row.id }, recordedMessage(row, incidents.data))}
          />
        );
      case 'incident': {
        const incident = incidents.data.incidents.find((row) => row.id === view.id);
        if (incident) {
          return (
            <IncidentPage
              key={String(view.id)}
              incident={incident}
              view={incidents.data}
              signer={session.person.fullName}
              message={message}
              onBack={toList}
              onMessage={setMessage}
            />
          );
        }
        // Not (or no longer) one the viewer may see: back to the list.
        return <ListPage view={incidents.data} message={message} go={go} />;
      }
      case 'list':
        return <ListPage view={incidents.data} message={message} go={go} />;
    }
  }

  return <div id="incidents-screen">{content()}</div>;
}

/** "INC-2026-004 is recorded.", and what happens next for someone who does not manage incidents. */
function recordedMessage(row: IncidentRow, view: IncidentsView): string {
  return view.canManage
    ? `${row.reference} is recorded.`
    : `${row.reference} is recorded. The IG lead will grade it and decide whether it must be reported.`;
}

type ListPageProps = {
  view: IncidentsView;
  message: string | null;
  go: (next: View, said?: string) => void;
};

/** The list with the button to record an incident, which everyone may. */
function ListPage({ view, message, go }: ListPageProps) {
  return (
    <>
      <SuccessMessage id="incident-message" message={message} />
      <h1>Incidents</h1>
      <p>
        Data security and protection incidents and near misses: a lost or stolen device, information sent to the wrong
        person, unauthorised access, malware or phishing, systems or records unavailable or wrong.
        {view.canManage
          ? ' Grade each one; a reportable incident must be reported within 72 hours of the practice becoming aware of it.'
          : ' Anyone may record one; the IG lead grades it and decides whether it must be reported. ' +
            'You see the incidents you reported, and those whose closure review asks for your signature.'}
      </p>
      <button type="button" className="nhsuk-button" id="incident-record" onClick={() => go({ kind: 'record' })}>
        Record an incident
      </button>
      <IncidentList view={view} onOpen={(incident) => go({ kind: 'incident', id: incident.id })} />
    </>
  );
}
