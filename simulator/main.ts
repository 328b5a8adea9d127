import { DEMO_API_KEY } from './accounts';
import { startSimulator, type SimulatorOptions } from './index';

/** `npm run sim -- [--host H] [--port P] [--data-dir DIR | --memory] [--speed N] [--instant] [--quiet]` */
function parseArgs(argv: string[]): SimulatorOptions {
  const options: SimulatorOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--host':
        options.host = value();
        break;
      case '--port':
        options.port = Number(value());
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
          throw new Error('--port must be 0..65535');
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--memory':
        options.memory = true;
        break;
      case '--speed':
        options.speed = Number(value());
        break;
      case '--instant':
        options.instant = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (options.memory && options.dataDir)
    throw new Error('--memory and --data-dir exclude each other');
  return options;
}

async function main(): Promise<void> {
  let options: SimulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator(options);
  } catch (error) {
    console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`listening on ${sim.url}`);
  // The demo key is public seed data (not a secret): printed so people can log in to the panel.
  console.log(`demo API key: ${DEMO_API_KEY}`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
