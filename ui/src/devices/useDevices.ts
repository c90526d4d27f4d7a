import { useQuery, useQueryClient } from '@tanstack/react-query';

import { SESSION_KEY } from '../appStatus';
import { deviceGet, deviceList, type DeviceRow } from '../ipc';

/** A device's row id, as the bindings type it. */
export type DeviceId = DeviceRow['id'];

export const DEVICES_KEY = [...SESSION_KEY, 'device_list'] as const;

/** Ids go into keys as text: query keys are hashed as JSON. */
export const deviceKey = (id: DeviceId) => [...SESSION_KEY, 'device_get', String(id)] as const;

/** The device register, with the choices and people its forms offer. */
export function useDeviceRegister() {
  return useQuery({ queryKey: DEVICES_KEY, queryFn: deviceList });
}

/** One device with who held it when. */
export function useDevice(id: DeviceId) {
  return useQuery({ queryKey: deviceKey(id), queryFn: () => deviceGet({ id }) });
}

/**
 * After any change to a device: reads again everything the session shows, since a change here
 * moves the register, the device's history, and the devices leavers still hold.
 */
export function useRefreshAfterDeviceChange() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}
