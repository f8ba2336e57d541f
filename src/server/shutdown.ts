/**
 * What the process does on SIGTERM, in order, once: the server stops accepting
 * and finishes what it is answering, then each registered step runs (live
 * streams end with a retry hint, background work stops), then the database
 * closes. Modules register their own step here instead of each listening for
 * signals, so the order is decided in one place.
 */
type ShutdownStep = () => Promise<void> | void;

const steps: { name: string; step: ShutdownStep }[] = [];
let shuttingDown = false;

/** Registers a step to run when the process is asked to stop. */
export function onShutdown(name: string, step: ShutdownStep): void {
  steps.push({ name, step });
}

/** True once a stop was asked for: new long-lived work (streams, jobs) should be refused. */
export function isShuttingDown(): boolean {
  return shuttingDown;
}

/** Runs every registered step in registration order; a failing step does not stop the others. */
export async function runShutdownSteps(log: (message: string) => void = console.error): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const { name, step } of steps) {
    try {
      await step();
    } catch (error) {
      log(`Shutdown step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
