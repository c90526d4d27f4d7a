import { mockIPC } from '@tauri-apps/api/mocks';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MatrixView } from '../ipc';
import { matrixView } from '../testing/acknowledgementFixtures';
import { commandError, commandHandler, type CommandHandlers } from '../testing/commands';
import { renderWithQuery } from '../testing/render';
import { ComplianceBarSection } from './ComplianceBarSection';

function setup(handlers: CommandHandlers = {}, matrix: () => MatrixView = () => matrixView()) {
  const ipc = commandHandler({ ack_matrix: matrix, ...handlers });
  mockIPC(ipc);
  return { ipc, ...renderWithQuery(<ComplianceBarSection />) };
}

const barField = () => screen.findByLabelText('Acknowledgement bar (%)');

describe('ComplianceBarSection', () => {
  it('shows the bar the matrix is measured against, and saves a new one', async () => {
    let bar = 95;
    const { ipc, user } = setup(
      {
        settings_set_compliance_bar: ({ percent }) => {
          bar = percent;
          return null;
        },
      },
      () => matrixView({ barPercent: bar }),
    );
    const field = await barField();
    expect(field).toHaveAttribute('id', 'compliance-bar');
    expect(field).toHaveValue(95);
    expect(field).toHaveAttribute('min', '50');
    expect(field).toHaveAttribute('max', '100');
    expect(screen.getByText(/The DSPT asks for at least 95%/)).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, '90');
    await user.click(document.getElementById('compliance-bar-save') as HTMLElement);

    expect(ipc).toHaveBeenCalledWith('settings_set_compliance_bar', { request: { percent: 90 } });
    await waitFor(() =>
      expect(document.getElementById('compliance-bar-current')).toHaveTextContent("Saved. The practice's bar is 90%."),
    );
    expect(ipc.mock.calls.filter(([command]) => command === 'ack_matrix')).toHaveLength(2);
    expect(field).toHaveValue(90);
  });

  it('asks for a whole number before sending anything', async () => {
    const { ipc, user } = setup();
    const field = await barField();
    await user.clear(field);
    await user.click(document.getElementById('compliance-bar-save') as HTMLElement);

    expect(await screen.findByRole('link', { name: 'Enter the bar as a whole number of percent, from 50 to 100' })).toHaveAttribute(
      'href',
      '#compliance-bar',
    );
    expect(ipc.mock.calls.map(([command]) => command)).not.toContain('settings_set_compliance_bar');
  });

  it.each(['49', '101'])('shows why Rust refused a bar of %s%%', async (typed) => {
    const { ipc, user } = setup({
      settings_set_compliance_bar: () => {
        throw commandError('invalid_input', 'Check the setting', [
          { field: 'percent', message: 'Choose a bar between 50% and 100%' },
        ]);
      },
    });
    const field = await barField();
    await user.clear(field);
    await user.type(field, typed);
    await user.click(document.getElementById('compliance-bar-save') as HTMLElement);

    expect(await screen.findByRole('link', { name: 'Choose a bar between 50% and 100%' })).toHaveAttribute(
      'href',
      '#compliance-bar',
    );
    expect(document.getElementById('compliance-bar-error')).toHaveTextContent('Choose a bar between 50% and 100%');
    expect(ipc).toHaveBeenCalledWith('settings_set_compliance_bar', { request: { percent: Number(typed) } });
  });

  it('shows nothing to someone core does not let see the acknowledgements', async () => {
    const { container } = setup({}, () => {
      throw commandError('forbidden', 'Your roles do not allow this');
    });
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });
});
