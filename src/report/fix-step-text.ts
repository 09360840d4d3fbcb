/**
 * One fix step as a sentence plus, where there is one, the command to copy.
 */
import type { FixStep } from '../fixes/fix.js';

export function describeStep(step: FixStep): { text: string; command: string | null } {
  switch (step.kind) {
    case 'firmware':
      return { text: `In the firmware setup: ${step.setting}`, command: null };
    case 'edit-file':
      return { text: `Edit ${step.path}: ${step.change}`, command: null };
    case 'run':
      return { text: `Run (${step.why})`, command: step.command };
    case 'reboot':
      return { text: 'Reboot the host', command: 'reboot' };
    case 'verify':
      return { text: `Verify: expect ${step.expect}`, command: step.command };
    case 'note':
      return { text: step.text, command: null };
    default: {
      const never: never = step;
      return never;
    }
  }
}
