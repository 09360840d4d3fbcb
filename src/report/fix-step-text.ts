/**
 * One fix step as a sentence plus, where there is one, the shell to copy: the command of a run or
 * verify step, or the edit ptdoctor makes itself for an edit-file step (src/fixes/edit-script.ts).
 */
import { editScript } from '../fixes/edit-script.js';
import type { FixStep } from '../fixes/fix.js';

export function describeStep(step: FixStep): { text: string; command: string | null } {
  switch (step.kind) {
    case 'firmware':
      return { text: `In the firmware setup: ${step.setting}`, command: null };
    case 'edit-file':
      return { text: `Edit ${step.path}: ${step.change}`, command: step.edit ? editScript(step.path, step.edit) : null };
    case 'run':
      return { text: `Run (${step.why})${step.afterReboot ? ', after the reboot when the plan has one' : ''}`, command: step.command };
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
