import { useMutation } from '@tanstack/react-query';

import { deviceExport, exportOpen } from '../ipc';

type RegisterActionsProps = {
  onAdd: () => void;
  onImport: () => void;
};

/** What a keeper of the register can do from it: add, import, and export as CSV then open the file. */
export function RegisterActions({ onAdd, onImport }: RegisterActionsProps) {
  const exported = useMutation({ mutationFn: deviceExport });
  const opened = useMutation({ mutationFn: exportOpen });
  const file = exported.data;

  return (
    <>
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" id="device-add" onClick={onAdd}>
          Add a device
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" id="device-import" onClick={onImport}>
          Import from a spreadsheet (CSV)
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          id="device-export"
          disabled={exported.isPending}
          onClick={() => {
            opened.reset();
            exported.mutate();
          }}
        >
          Export (CSV)
        </button>
      </div>

      <div role="status">
        {file ? (
          <div className="nhsuk-inset-text" id="device-exported">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              The device register was saved as a CSV file:{' '}
              <span className="custodian-path" id="device-export-path">
                {file.path}
              </span>
            </p>
            <p className="nhsuk-body-s">
              It is in the exports folder beside the vault file, in the columns an import reads.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              id="device-export-open"
              disabled={opened.isPending}
              onClick={() => opened.mutate({ path: file.path })}
            >
              Open
            </button>
          </div>
        ) : null}
      </div>
      {exported.isError ? (
        <p className="nhsuk-error-message" id="device-export-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {exported.error.message}
        </p>
      ) : null}
      {opened.isError ? (
        <p className="nhsuk-error-message" id="device-export-open-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {opened.error.message}
        </p>
      ) : null}
    </>
  );
}
