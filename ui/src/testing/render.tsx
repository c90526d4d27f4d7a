import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';

import { createQueryClient } from '../appStatus';

/** Renders `ui` with a fresh query client (as the app has), plus a user-event session. */
export function renderWithQuery(ui: ReactElement) {
  const client = createQueryClient();
  const user = userEvent.setup();
  return { client, user, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}
