import { useMutation } from '@tanstack/react-query';

import { ackExport, exportOpen, type AckExportKind } from '../ipc';

const EXPORTED: Record<AckExportKind, string> = {
  chase_list: 'The chase list was saved as a CSV file',
  matrix: 'The matrix was saved as a CSV file',
};

/** Print the chase list, or save the chase list or the matrix as CSV and open the file. */
export function ExportActions({ hasChaseList }: { hasChaseList: boolean }) {
  const exported = useMutation({ mutationFn: ackExport });
  const opened = useMutation({ mutationFn: exportOpen });

  const file = exported.data;
  const exportedKind = exported.variables?.kind;

  const save = (kind: AckExportKind) => {
    opened.reset();
    exported.mutate({ kind });
  };

  return (
    <section className="custodian-no-print" id="ack-export-section" aria-labelledby="ack-export-heading">
      <h2 className="nhsuk-heading-m" id="ack-export-heading">
        Print or export
      </h2>
      <div className="nhsuk-button-group">
        {hasChaseList ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="ack-print-chase"
            onClick={() => window.print()}
          >
            Print the chase list
          </button>
        ) : null}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          id="ack-export-chase"
          disabled={exported.isPending}
          onClick={() => save('chase_list')}
        >
          Export the chase list (CSV)
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          id="ack-export-matrix"
          disabled={exported.isPending}
          onClick={() => save('matrix')}
        >
          Export the matrix (CSV)
        </button>
      </div>

      <div role="status">
        {file && exportedKind ? (
          <div className="nhsuk-inset-text" id="ack-exported">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {EXPORTED[exportedKind]}:{' '}
              <span className="custodian-path" id="ack-export-path">
                {file.path}
              </span>
            </p>
            <p className="nhsuk-body-s">It is in the exports folder beside the vault file.</p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              id="ack-export-open"
              disabled={opened.isPending}
              onClick={() => opened.mutate({ path: file.path })}
            >
              Open
            </button>
          </div>
        ) : null}
      </div>
      {exported.isError ? (
        <p className="nhsuk-error-message" id="ack-export-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {exported.error.message}
        </p>
      ) : null}
      {opened.isError ? (
        <p className="nhsuk-error-message" id="ack-export-open-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {opened.error.message}
        </p>
      ) : null}
    </section>
  );
}
