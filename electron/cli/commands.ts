/** `npm run rigdeck -- <command>`: the command line for the headless face and for scripts. */
import { advice, adviceHelp } from './advice';
import { alerts, alertsHelp } from './alerts';
import { audit, auditHelp } from './audit';
import { UsageError } from './args';
import { passwd, passwdHelp } from './passwd';
import { run, runHelp } from './run';
import { exportCsv, exportHelp } from './export';
import { scan, scanHelp } from './scan';
import { status, statusHelp } from './status';
import { serve, serveHelp } from './serve';

type Command = { run: (argv: string[]) => Promise<number>; summary: string; help: string };

const commands: Record<string, Command> = {
  serve: { run: serve, summary: 'serve the UI and API to browsers (headless face)', help: serveHelp },
  passwd: { run: passwd, summary: "set or clear the headless server's password", help: passwdHelp },
  scan: { run: scan, summary: 'find miners on the network (and --add them to the fleet)', help: scanHelp },
  status: { run: status, summary: 'poll the registered fleet once and print it', help: statusHelp },
  export: { run: exportCsv, summary: 'write history as CSV', help: exportHelp },
  alerts: { run: alerts, summary: 'list active alerts (--all: with past ones)', help: alertsHelp },
  run: {
    run,
    summary: 'send an action to rigs (reboot, stop, locate, preset…) within their limits',
    help: runHelp,
  },
  audit: { run: audit, summary: 'list the commands sent to rigs, newest first', help: auditHelp },
  advice: { run: advice, summary: 'list the open recommendations (poll once, then judge)', help: adviceHelp },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: npm run rigdeck -- <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun a command with --help for its options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? commands[rest[0]] : undefined;
    console.log(topic ? topic.help : usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const usageProblem =
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
    console.error(`rigdeck ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return usageProblem ? 2 : 1;
  }
}
