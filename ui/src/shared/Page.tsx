import type { ReactNode } from 'react';

type PageProps = {
  /** Defaults to the plain Custodian header. */
  header?: ReactNode;
  /** Use the full width instead of two thirds (for registers and dashboards). */
  wide?: boolean;
  children: ReactNode;
};

/** The frame of every screen: skip link, header and the main column. */
export function Page({ header, wide = false, children }: PageProps) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      {header ?? <AppHeader />}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          <div className="nhsuk-grid-row">
            <div className={wide ? 'nhsuk-grid-column-full' : 'nhsuk-grid-column-two-thirds'}>{children}</div>
          </div>
        </main>
      </div>
    </>
  );
}

type AppHeaderProps = {
  /** Shown beside the service name, e.g. the organisation. */
  organisation?: ReactNode;
  /** The account area on the right: who is signed in, sign out. */
  account?: ReactNode;
  /** The navigation bar under the header: an `nhsuk-header__navigation` element. */
  navigation?: ReactNode;
};

/** The NHS header with the service name (no NHS logo: Custodian is not an NHS service). */
export function AppHeader({ organisation, account, navigation }: AppHeaderProps) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <span className="nhsuk-header__service-name">Custodian</span>
          {organisation}
        </div>
        {account}
      </div>
      {navigation}
    </header>
  );
}
