/**
 * The rule catalog, in report order. An explicit list: nothing scans rules/ at run time.
 */
import type { Rule } from '../src/engine/define-rule.js';
import iommuFirmwareDisabled from './iommu-firmware-disabled.js';

export const builtinRules: readonly Rule[] = [iommuFirmwareDisabled];
