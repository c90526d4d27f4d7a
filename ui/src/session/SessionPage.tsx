import { useEffect, useRef, type ReactNode } from 'react';

import { useStatusMutation } from '../appStatus';
import { sessionSignOut, type Permissions, type SessionInfo } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { AppHeader, Page } from '../shared/Page';

/** The parts of the signed-in app. */
export type Section =
  | 'home'
  | 'policies'
  | 'acknowledgements'
  | 'devices'
  | 'byod'
  | 'disposals'
  | 'incidents'
  | 'staff'
  | 'audit'
  | 'dspt'
  | 'packs'
  | 'settings'
  | 'account';

export type SectionLink = {
  section: Section;
  label: string;
  /** Shown only to people whose roles allow it (core enforces it either way). */
  shownTo?: (permissions: Permissions) => boolean;
};

const SECTION_LINKS: readonly SectionLink[] = [
  { section: 'home', label: 'Home' },
  { section: 'policies', label: 'Policies' },
  {
    section: 'acknowledgements',
    label: 'Acknowledgements',
    shownTo: (permissions) => permissions.viewCompliance,
  },
  { section: 'devices', label: 'Devices' },
  { section: 'byod', label: 'BYOD checks', shownTo: (permissions) => permissions.viewDevices },
  { section: 'disposals', label: 'Disposals', shownTo: (permissions) => permissions.viewDevices },
  // Everyone may report an incident (and sees the ones they reported).
  { section: 'incidents', label: 'Incidents' },
  { section: 'staff', label: 'Staff' },
  { section: 'audit', label: 'Audit trail', shownTo: (permissions) => permissions.viewAuditLog },
  // The evidence map judges the practice's records: for those who may view compliance.
  { section: 'dspt', label: 'DSPT evidence', shownTo: (permissions) => permissions.viewCompliance },
  { section: 'packs', label: 'Evidence packs', shownTo: (permissions) => permissions.generatePacks },
  { section: 'settings', label: 'Settings' },
  { section: 'account', label: 'My account' },
];

/** The sections this person's roles open, in menu order. */
export function sectionsFor(permissions: Permissions): SectionLink[] {
  return SECTION_LINKS.filter((link) => link.shownTo?.(permissions) ?? true);
}

/**
 * The menu entry of a section that Rust names (a dashboard item's, an evidence item's), if this
 * person's roles open it; `undefined` for any other name.
 */
export function openSection(permissions: Permissions, name: string): SectionLink | undefined {
  return sectionsFor(permissions).find((link) => link.section === name);
}

type SessionPageProps = {
  session: SessionInfo;
  /** The menu, with the section shown; none while the person must choose a password first. */
  navigation?: { current: Section; onNavigate: (section: Section) => void };
  /** Use the full width (registers, the audit trail). */
  wide?: boolean;
  children: ReactNode;
};

/** The frame of every signed-in screen: the practice, who is signed in, sign out, and the menu. */
export function SessionPage({ session, navigation, wide = false, children }: SessionPageProps) {
  const { person } = session;
  const signOut = useStatusMutation(sessionSignOut);
  const current = navigation?.current ?? null;
  useMovesFocusOnNavigation(current);

  return (
    <Page
      wide={wide}
      header={
        <AppHeader
          organisation={
            <span className="custodian-header-practice">
              {session.practiceName} <span className="custodian-header-ods">ODS code {session.odsCode}</span>
            </span>
          }
          account={
            <nav className="nhsuk-header__account" aria-label="Account">
              <ul className="nhsuk-header__account-list">
                <li className="nhsuk-header__account-item" id="signed-in-as">
                  Signed in as {person.fullName} ({person.login})
                </li>
                <li className="nhsuk-header__account-item">
                  <button
                    type="button"
                    className="nhsuk-header__account-button"
                    id="sign-out"
                    disabled={signOut.isPending}
                    onClick={() => signOut.mutate()}
                  >
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          }
          navigation={
            navigation ? (
              <nav className="nhsuk-header__navigation" aria-label="Menu">
                <div className="nhsuk-header__navigation-container nhsuk-width-container">
                  <ul className="nhsuk-header__navigation-list">
                    {sectionsFor(session.permissions).map(({ section, label }) => {
                      const isCurrent = section === navigation.current;
                      return (
                        <li
                          key={section}
                          className={
                            isCurrent
                              ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current'
                              : 'nhsuk-header__navigation-item'
                          }
                        >
                          <button
                            type="button"
                            className="nhsuk-header__navigation-link"
                            id={`nav-${section}`}
                            aria-current={isCurrent ? 'page' : undefined}
                            onClick={() => navigation.onNavigate(section)}
                          >
                            {isCurrent ? (
                              <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong>
                            ) : (
                              label
                            )}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              </nav>
            ) : null
          }
        />
      }
    >
      <ErrorSummary
        id="sign-out-error-summary"
        title="You could not be signed out"
        errors={signOut.error ? [{ message: signOut.error.message }] : []}
        focusKey={signOut.submittedAt}
      />
      {children}
    </Page>
  );
}

/**
 * After moving to another section, focus goes to the main content (so keyboard and screen-reader
 * users start at its heading) and the window title names the section.
 */
function useMovesFocusOnNavigation(current: Section | null) {
  const shown = useRef(current);
  useEffect(() => {
    const label = SECTION_LINKS.find((link) => link.section === current)?.label;
    document.title = label ? `${label} – Custodian` : 'Custodian';
    if (shown.current === current) return;
    shown.current = current;
    document.getElementById('maincontent')?.focus();
  }, [current]);
}
