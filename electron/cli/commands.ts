/** `npm run rigdeck -- <command>`: the command line for the headless face and for scripts. */
import { UsageError } from './args';

type Loaded = { run: (argv: string[]) => Promise<number>; help: string };
/**
 * Each command's module is loaded only when it runs: `rigdeck --help` then starts without the core, SQLite,
 * the WebSocket server or the pool client (cli_start_ms in bench/cli.ts).
 */
type Command = { summary: string; load: () => Promise<Loaded> };

const commands: Record<string, Command> = {
  serve: {
    summary: 'serve the UI and API to browsers (headless face)',
    load: async () => import('./serve').then((m) => ({ run: m.serve, help: m.serveHelp })),
  },
  passwd: {
    summary: "set or clear the headless server's password",
    load: async () => import('./passwd').then((m) => ({ run: m.passwd, help: m.passwdHelp })),
  },
  scan: {
    summary: 'find miners on the network (and --add them to the fleet)',
    load: async () => import('./scan').then((m) => ({ run: m.scan, help: m.scanHelp })),
  },
  status: {
    summary: 'poll the registered fleet once and print it',
    load: async () => import('./status').then((m) => ({ run: m.status, help: m.statusHelp })),
  },
  export: {
    summary: 'write history as CSV',
    load: async () => import('./export').then((m) => ({ run: m.exportCsv, help: m.exportHelp })),
  },
  alerts: {
    summary: 'list active alerts (--all: with past ones)',
    load: async () => import('./alerts').then((m) => ({ run: m.alerts, help: m.alertsHelp })),
  },
  run: {
    summary: 'send an action to rigs (reboot, stop, locate, preset…) within their limits',
    load: async () => import('./run').then((m) => ({ run: m.run, help: m.runHelp })),
  },
  audit: {
    summary: 'list the commands sent to rigs, newest first',
    load: async () => import('./audit').then((m) => ({ run: m.audit, help: m.auditHelp })),
  },
  backups: {
    summary: "list a rig's settings backups, newest first",
    load: async () => import('./backups').then((m) => ({ run: m.backups, help: m.backupsHelp })),
  },
  earnings: {
    summary: 'what each rig earns, costs and makes per day',
    load: async () => import('./earnings').then((m) => ({ run: m.earnings, help: m.earningsHelp })),
  },
  advice: {
    summary: 'list the open recommendations (poll once, then judge)',
    load: async () => import('./advice').then((m) => ({ run: m.advice, help: m.adviceHelp })),
  },
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
    console.log(topic ? (await topic.load()).help : usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (err) {
    const usageProblem =
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
    console.error(`rigdeck ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return usageProblem ? 2 : 1;
  }
}
