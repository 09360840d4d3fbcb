// One QEMU process from start to the guest's power-off, under a hard time limit. While it runs,
// `tick` is called every second (the runner answers the guest through the share from there); an
// error thrown by `tick` stops the machine and is rethrown.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

export async function runQemu(args, { timeoutMs, stderrFile, tick = async () => {} }) {
  const t0 = Date.now();
  const p = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (b) => (stderr += b));
  let failure = null;
  let timedOut = false;
  let busy = false;
  const timer = setInterval(() => {
    if (Date.now() - t0 > timeoutMs) {
      timedOut = true;
      p.kill('SIGKILL');
      return;
    }
    if (busy || failure) return;
    busy = true;
    tick().then(
      () => (busy = false),
      (e) => {
        failure = e;
        p.kill('SIGKILL');
      },
    );
  }, 1000);
  const code = await new Promise((resolve) => {
    p.on('error', (e) => {
      stderr += `${e.message}\n`;
      resolve('spawn-error');
    });
    p.on('close', (c, sig) => resolve(sig ?? c));
  });
  clearInterval(timer);
  if (stderrFile && stderr) writeFileSync(stderrFile, stderr);
  if (failure) throw failure;
  const ms = Date.now() - t0;
  if (timedOut) return { code: 'timeout', ms, stderr };
  return { code, ms, stderr };
}
