/**
 * An 82574L NIC [8086:10d3] on its host driver e1000e, the lab's NIC as the PCI facts describe a
 * device (address and ids as in samples/lab-intel-healthy), for fix builders that take one device.
 */
import type { PciDevice } from '../../../src/facts/model.js';

export const LAB_NIC: PciDevice = {
  address: '0000:01:00.0',
  vendor: '8086',
  device: '10d3',
  subsystem: null,
  classCode: '020000',
  className: null,
  name: null,
  driver: 'e1000e',
  driverKnown: true,
  modules: ['e1000e'],
  group: '9',
  driverOverride: null,
  bootVga: null,
  resetMethod: null,
  sriovTotalVfs: null,
  sriovNumVfs: null,
  physfn: null,
  parents: [],
  flr: null,
  pcieType: null,
  refs: [],
};
