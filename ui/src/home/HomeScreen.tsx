import { PoliciesForYou } from '../acknowledgements/PoliciesForYou';
import type { IncidentsStart } from '../incidents/IncidentsScreen';
import type { DashboardItemView, SessionInfo } from '../ipc';
import { openSection, type Section, type SectionLink } from '../session/SessionPage';
import { LoadFailed, Loading } from '../shared/QueryState';
import { ClockAlert } from './ClockAlert';
import { DashboardGroup } from './DashboardGroup';
import { NotificationsPanel } from './NotificationsPanel';
import { useDashboard } from './useDashboard';

type HomeScreenProps = {
  session: SessionInfo;
  /** Go to another section of the app. */
  onNavigate: (section: Section) => void;
  /** Go to the incidents section, at one incident. */
  onOpenIncidents: (start: IncidentsStart) => void;
};

/**
 * The signed-in start page, the dashboard: running 72-hour clocks first, then notifications, what
 * is for the person themselves (with the policies waiting for them to read), the state of the
 * practice's registers (for managers), and what waits for their sign-off. Core decides every item,
 * its audience and its urgency; each leads to the section where it is dealt with.
 */
export function HomeScreen({ session, onNavigate, onOpenIncidents }: HomeScreenProps) {
  const dashboard = useDashboard();
  const items = dashboard.data?.items ?? [];
  const of = (audience: string) => items.filter((item) => item.audience === audience);
  const practice = of('practice');
  const signOff = of('sign_off');

  // An item of the home section is dealt with here (the policies to read): it needs no link.
  const linkOf = (item: DashboardItemView) =>
    item.section === 'home' ? undefined : openSection(session.permissions, item.section);
  const go = (item: DashboardItemView, link: SectionLink) => {
    if (link.section === 'incidents' && item.recordId !== null) {
      onOpenIncidents({ kind: 'incident', id: item.recordId });
    } else {
      onNavigate(link.section);
    }
  };

  return (
    <>
      <h1 className="nhsuk-u-margin-bottom-2" id="home-practice-name">
        {session.practiceName}
      </h1>
      <p className="nhsuk-caption-m nhsuk-u-margin-bottom-6">ODS code {session.odsCode}</p>

      {dashboard.data ? (
        <ClockAlert
          clocks={dashboard.data.clocks}
          onOpen={(clock) => onOpenIncidents({ kind: 'incident', id: clock.incidentId })}
        />
      ) : null}
      {dashboard.isPending ? <Loading>Loading what needs your attention…</Loading> : null}
      {dashboard.isError ? (
        <LoadFailed
          title="What needs your attention cannot be shown"
          error={dashboard.error}
          onRetry={() => void dashboard.refetch()}
        />
      ) : null}

      <NotificationsPanel />

      <DashboardGroup id="you" heading="For you" items={of('you')} linkOf={linkOf} onGo={go}>
        <PoliciesForYou />
      </DashboardGroup>

      {practice.length > 0 ? (
        <DashboardGroup id="practice" heading="The practice" items={practice} linkOf={linkOf} onGo={go} />
      ) : null}

      {signOff.length > 0 ? (
        <DashboardGroup id="sign-off" heading="Waiting for your sign-off" items={signOff} linkOf={linkOf} onGo={go} />
      ) : null}
    </>
  );
}
