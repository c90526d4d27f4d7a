import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { z } from 'zod';

import { SESSION_KEY } from '../appStatus';
import { auditList, type AuditQuery } from '../ipc';
import { usePeople } from '../people/usePeople';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SelectField } from '../shared/SelectField';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';
import { AuditTable } from './AuditTable';
import { ChainCheck } from './ChainCheck';

/** Entries per page. Rust pages the trail, so only one page is ever in memory. */
export const AUDIT_PAGE_SIZE = 50;

const AUDIT_KEY = [...SESSION_KEY, 'audit_list'] as const;

const RECORD_TYPES = [
  { value: '', label: 'Any kind of record' },
  { value: 'person', label: 'People' },
  { value: 'setting', label: 'Settings' },
  { value: 'vault', label: 'The vault: recovery key and restores' },
  { value: 'practice', label: 'The practice' },
  { value: 'pack', label: 'Evidence packs' },
  { value: 'certificate', label: 'The signing certificate' },
] as const;

// Shape only: Rust checks the dates.
const schema = z.object({
  actorLogin: z.string().trim(),
  recordType: z.string(),
  from: z.string().trim(),
  to: z.string().trim(),
});

type Filters = Pick<AuditQuery, 'actorLogin' | 'recordType' | 'from' | 'to'>;

const NO_FILTERS: Filters = { actorLogin: null, recordType: null, from: null, to: null };

const FIELD_IDS = { actorLogin: 'audit-actor', recordType: 'audit-record-type', from: 'audit-from', to: 'audit-to' } as const;

/** The audit trail, newest first, with filters, one page at a time, and a check of its hash chain. */
export function AuditScreen() {
  const people = usePeople();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Where each page after the newest starts (the previous page's nextBeforeSeq); empty on the newest.
  const [starts, setStarts] = useState<number[]>([]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const request: AuditQuery = { ...filters, beforeSeq: starts.at(-1) ?? null, limit: AUDIT_PAGE_SIZE };
  const page = useQuery({
    queryKey: [...AUDIT_KEY, request],
    queryFn: () => auditList(request),
    placeholderData: keepPreviousData,
    // Keep only the page on screen: pages left behind are dropped at once.
    gcTime: 0,
  });

  const form = useSchemaForm(schema, { actorLogin: '', recordType: '', from: '', to: '' });
  const filterError = page.error?.code === 'invalid_input' ? page.error : null;
  const errors = formErrors(form.formState.errors, filterError, FIELD_IDS);
  const submit = form.handleSubmit((values) => {
    setFilters({
      actorLogin: values.actorLogin || null,
      recordType: values.recordType || null,
      from: values.from || null,
      to: values.to || null,
    });
    setStarts([]);
  });

  const goTo = (nextStarts: number[]) => {
    setStarts(nextStarts);
    resultsHeading.current?.focus();
  };
  const filtered = Object.values(filters).some((value) => value !== null);
  const names = new Map(people.data?.people.map((person) => [person.login, person.fullName]));
  const pageNumber = starts.length + 1;

  return (
    <div id="audit-screen">
      <ErrorSummary errors={errors.items} focusKey={`${form.formState.submitCount}:${page.errorUpdatedAt}`} />
      <h1>Audit trail</h1>
      <p>
        Every change made in Custodian, who made it and when. Each entry is linked to the one before it, so an entry
        that is altered or removed can be detected.
      </p>

      <ChainCheck />

      <form onSubmit={submit} noValidate aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" className="nhsuk-heading-m">
          Filter the entries
        </h2>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            {people.isError || people.data?.people.length === 0 ? (
              <TextField
                id={FIELD_IDS.actorLogin}
                label="Who (login name)"
                hint="Leave empty for anyone"
                error={errors.of('actorLogin')}
                width={20}
                spellCheck={false}
                autoCapitalize="none"
                registration={form.register('actorLogin')}
              />
            ) : (
              <SelectField
                id={FIELD_IDS.actorLogin}
                label="Who"
                error={errors.of('actorLogin')}
                options={[
                  { value: '', label: 'Anyone' },
                  ...(people.data?.people ?? []).map((person) => ({
                    value: person.login,
                    label: `${person.fullName} (${person.login})`,
                  })),
                ]}
                registration={form.register('actorLogin')}
              />
            )}
          </div>
          <div className="nhsuk-grid-column-one-half">
            <SelectField
              id={FIELD_IDS.recordType}
              label="Kind of record"
              error={errors.of('recordType')}
              options={RECORD_TYPES}
              registration={form.register('recordType')}
            />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <TextField
              id={FIELD_IDS.from}
              type="date"
              label="From (optional)"
              error={errors.of('from')}
              width={10}
              registration={form.register('from')}
            />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <TextField
              id={FIELD_IDS.to}
              type="date"
              label="To (optional)"
              hint="Includes that day"
              error={errors.of('to')}
              width={10}
              registration={form.register('to')}
            />
          </div>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" id="audit-apply">
          Show entries
        </button>
      </form>

      <h2 className="nhsuk-heading-m" id="audit-results-heading" tabIndex={-1} ref={resultsHeading}>
        {pageNumber === 1 ? 'Newest entries' : `Older entries, page ${pageNumber}`}
        {filtered ? <span className="nhsuk-caption-m">Filtered</span> : null}
      </h2>
      {page.isPending ? (
        <Loading>Loading the audit trail…</Loading>
      ) : page.isError ? (
        filterError ? null : (
          <LoadFailed title="The audit trail cannot be shown" error={page.error} onRetry={() => void page.refetch()} />
        )
      ) : page.data.entries.length === 0 ? (
        <div className="nhsuk-inset-text" id="audit-empty">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {filtered
              ? 'No entries match these filters.'
              : pageNumber === 1
                ? 'The audit trail is empty.'
                : 'There are no older entries.'}
          </p>
        </div>
      ) : (
        <>
          {page.isPlaceholderData ? <Loading>Loading…</Loading> : null}
          <AuditTable entries={page.data.entries} names={names} />
        </>
      )}

      <div className="nhsuk-button-group">
        {page.data?.nextBeforeSeq != null && !page.isError ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="audit-older"
            disabled={page.isPlaceholderData}
            onClick={() => {
              const next = page.data?.nextBeforeSeq;
              if (next != null) goTo([...starts, next]);
            }}
          >
            Older entries
          </button>
        ) : null}
        {starts.length > 0 ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="audit-newer"
            disabled={page.isPlaceholderData}
            onClick={() => goTo(starts.slice(0, -1))}
          >
            Newer entries
          </button>
        ) : null}
        {starts.length > 1 ? (
          <button type="button" className="custodian-link-button" id="audit-newest" onClick={() => goTo([])}>
            Back to the newest entries
          </button>
        ) : null}
      </div>
    </div>
  );
}
