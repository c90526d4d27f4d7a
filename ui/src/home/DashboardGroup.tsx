import type { ReactNode } from 'react';

import type { DashboardItemView } from '../ipc';
import type { SectionLink } from '../session/SessionPage';
import { LinkButton } from '../shared/LinkButton';

/** How each urgency shows: an NHS tag whose words say it (never the colour alone). */
const URGENCY: Record<string, { tag: string; label: string; tick?: boolean }> = {
  overdue: { tag: 'nhsuk-tag--red', label: 'Overdue' },
  due: { tag: 'nhsuk-tag--orange', label: 'Due' },
  in_order: { tag: 'nhsuk-tag--green', label: 'In order', tick: true },
};

type DashboardGroupProps = {
  /** `dashboard-{id}`, and the heading `dashboard-{id}-heading`. */
  id: string;
  heading: string;
  items: readonly DashboardItemView[];
  /** Where an item leads, if anywhere: the menu entry of its section, when this person's roles open it. */
  linkOf: (item: DashboardItemView) => SectionLink | undefined;
  onGo: (item: DashboardItemView, link: SectionLink) => void;
  /** Shown after the items (the policies waiting for the person, under "For you"). */
  children?: ReactNode;
};

/** One audience's items, in core's order (most pressing first). */
export function DashboardGroup({ id, heading, items, linkOf, onGo, children }: DashboardGroupProps) {
  return (
    <section className="nhsuk-u-margin-bottom-6" id={`dashboard-${id}`} aria-labelledby={`dashboard-${id}-heading`}>
      <h2 className="nhsuk-heading-m" id={`dashboard-${id}-heading`}>
        {heading}
      </h2>
      {items.length > 0 ? (
        <ul className="nhsuk-list custodian-dashboard-list">
          {items.map((item) => (
            <DashboardItem key={item.key} item={item} link={linkOf(item)} onGo={onGo} />
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

type DashboardItemProps = {
  item: DashboardItemView;
  link: SectionLink | undefined;
  onGo: (item: DashboardItemView, link: SectionLink) => void;
};

function DashboardItem({ item, link, onGo }: DashboardItemProps) {
  const urgency = URGENCY[item.urgency] ?? { tag: 'nhsuk-tag--grey', label: item.urgency };
  const more = item.count - item.details.length;
  return (
    <li
      className={`custodian-dashboard-item custodian-dashboard-item--${item.urgency}`}
      id={`dashboard-item-${item.key}`}
      data-urgency={item.urgency}
    >
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        <strong className={`nhsuk-tag ${urgency.tag} custodian-dashboard-item__tag`}>
          {urgency.tick ? <span aria-hidden="true">✓ </span> : null}
          {urgency.label}
        </strong>{' '}
        {item.title}
      </h3>
      {item.details.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s nhsuk-u-margin-bottom-2">
          {item.details.map((detail, index) => (
            // Two details may read the same (two collections on one day): their place tells them apart.
            <li key={`${index}:${detail}`} className="nhsuk-u-margin-bottom-0">
              {detail}
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" id={`dashboard-more-${item.key}`}>
          and {more} more
        </p>
      ) : null}
      {link ? (
        <LinkButton id={`dashboard-go-${item.key}`} onClick={() => onGo(item, link)}>
          Go to {link.label}
          <span className="nhsuk-u-visually-hidden">: {item.title}</span>
        </LinkButton>
      ) : null}
    </li>
  );
}
