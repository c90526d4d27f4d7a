import type { SessionInfo } from '../ipc';
import { LinkButton } from '../shared/LinkButton';

type HomeScreenProps = {
  session: SessionInfo;
  /** Go to the staff register. */
  onOpenStaff: () => void;
};

/** The signed-in start page: where you are and what is recorded. */
export function HomeScreen({ session, onOpenStaff }: HomeScreenProps) {
  return (
    <>
      <h1 className="nhsuk-u-margin-bottom-2" id="home-practice-name">
        {session.practiceName}
      </h1>
      <p className="nhsuk-caption-m">ODS code {session.odsCode}</p>

      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <h2 className="nhsuk-heading-m">Nothing recorded yet</h2>
        <p>The practice&apos;s policies, staff acknowledgements, devices and incidents will appear here.</p>
      </div>

      <h2 className="nhsuk-heading-m">Staff</h2>
      <p>
        {session.permissions.viewPeople
          ? 'Everyone who works at the practice, their roles, and who has left.'
          : 'Your own entry in the staff register.'}
      </p>
      <p>
        <LinkButton id="home-open-staff" onClick={onOpenStaff}>
          {session.permissions.viewPeople ? 'See the staff register' : 'See your entry'}
        </LinkButton>
      </p>
    </>
  );
}
