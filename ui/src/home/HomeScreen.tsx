import { PoliciesForYou } from '../acknowledgements/PoliciesForYou';
import type { SessionInfo } from '../ipc';
import type { Section } from '../session/SessionPage';
import { LinkButton } from '../shared/LinkButton';
import { NotificationsPanel } from './NotificationsPanel';

type HomeScreenProps = {
  session: SessionInfo;
  /** Go to another section of the app. */
  onNavigate: (section: Section) => void;
};

/**
 * The signed-in start page: anything for the person's attention, the policies waiting for them, and
 * where to go next.
 */
export function HomeScreen({ session, onNavigate }: HomeScreenProps) {
  const { permissions } = session;
  return (
    <>
      <h1 className="nhsuk-u-margin-bottom-2" id="home-practice-name">
        {session.practiceName}
      </h1>
      <p className="nhsuk-caption-m nhsuk-u-margin-bottom-6">ODS code {session.odsCode}</p>

      <NotificationsPanel />

      <PoliciesForYou />

      {permissions.managePolicies ? (
        <>
          <h2 className="nhsuk-heading-m">Policies</h2>
          <p>The practice&apos;s policy register: add policies, send new versions for sign-off and publish them.</p>
          <p>
            <LinkButton id="home-open-policies" onClick={() => onNavigate('policies')}>
              See the policy register
            </LinkButton>
          </p>
        </>
      ) : null}

      {permissions.viewCompliance ? (
        <>
          <h2 className="nhsuk-heading-m">Acknowledgements</h2>
          <p>Who has acknowledged each policy, the practice&apos;s figure against its bar, and who to chase.</p>
          <p>
            <LinkButton id="home-open-acknowledgements" onClick={() => onNavigate('acknowledgements')}>
              See the acknowledgements
            </LinkButton>
          </p>
        </>
      ) : null}

      <h2 className="nhsuk-heading-m">Staff</h2>
      <p>
        {permissions.viewPeople
          ? 'Everyone who works at the practice, their roles, and who has left.'
          : 'Your own entry in the staff register.'}
      </p>
      <p>
        <LinkButton id="home-open-staff" onClick={() => onNavigate('staff')}>
          {permissions.viewPeople ? 'See the staff register' : 'See your entry'}
        </LinkButton>
      </p>
    </>
  );
}
