import { Argument, Command, CommanderError, Option } from 'commander';
import { DEFAULT_CONFIG_FILE, discoverConfig } from './cli/config-discovery.js';
import { checkSimFlags } from './cli/sim-flags.js';
import { cliVersion } from './cli-package.js';

const EXAMPLES = `
Examples:
  $ hubfleet validate -c examples/quickstart.yaml
  $ hubfleet validate -c hubfleet.yaml --output json
  $ hubfleet validate -c hubfleet.yaml --show-defaults
  $ hubfleet render -c hubfleet.yaml --out rendered/
  $ hubfleet up -c examples/aws-dsosu.yaml --sim --yes
  $ hubfleet plan -c hubfleet.yaml
  $ hubfleet status -c hubfleet.yaml --output json
  $ hubfleet down -c hubfleet.yaml
  $ hubfleet kubeconfig -c hubfleet.yaml
  $ hubfleet unlock -c hubfleet.yaml
  $ hubfleet schema > hubfleet.schema.json
  $ hubfleet catalog aws
  $ hubfleet sim serve --provider aws --speed 1000
  $ hubfleet completion bash
  $ hubfleet version

Without -c, commands use ./hubfleet.yaml. Colour only on a terminal, never with NO_COLOR or --no-color.
Exit codes: 0 ok, 1 failed, 2 invalid input, 3 refused, 130 interrupted.`;

const configOption = () =>
  new Option('-c, --config <file>', 'the hubfleet.yaml to use').default(
    DEFAULT_CONFIG_FILE,
    `./${DEFAULT_CONFIG_FILE}`,
  );
const outputOption = () =>
  new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text');

/** `--sim` and `--sim-speed`, on every command that talks to a cloud. */
function withSim(command: Command): Command {
  return command
    .option(
      '--sim',
      "use the simulated cloud of the config's provider (state in .hubfleet/sim/<kind>/ next to the config, or $HUBFLEET_SIM_DIR/<kind>)",
    )
    .option(
      '--sim-speed <factor>',
      'with --sim: divide every modelled cloud duration by this (default: 2000)',
    );
}

/**
 * Before any command runs: `--no-color` (as NO_COLOR=1, so progress output follows too), config
 * discovery (`./hubfleet.yaml` when `-c` is not given) and `--sim-*` flags refused without `--sim`.
 */
function beforeEachCommand(program: Command, command: Command): void {
  if (program.opts().color === false) process.env.NO_COLOR = '1';
  const options = command.opts();
  if ('config' in options) discoverConfig(options, command.getOptionValueSource('config') !== 'default');
  checkSimFlags(options);
}

function addCloudCommands(program: Command, setExitCode: (code: number) => void): void {
  withSim(
    program
      .command('plan')
      .description('show what `up` would change, observed from the cloud and the cluster; changes nothing')
      .addOption(configOption())
      .addOption(outputOption()),
  )
    .addHelpText('after', '\nExample:\n  $ hubfleet plan -c examples/aws-dsosu.yaml --sim')
    .action(async (options) => {
      const { planCommand } = await import('./commands/plan.js');
      setExitCode(await planCommand(options));
    });

  withSim(
    program
      .command('up')
      .description('create or update the deployment to match the config: plan, progress, then status')
      .addOption(configOption())
      .addOption(outputOption())
      .option('-y, --yes', 'apply without asking on a terminal')
      .option('--parallelism <n>', 'steps in progress at once (default 32)')
      .option('--timings <file>', "write every step's start, end and dependencies to this JSON file")
      .option('--allow-replace', 'allow replacing the cluster or a nodegroup with users on it')
      .option(
        '--delete-data',
        'allow deleting hub data volumes whose storage.onDelete is snapshot or delete',
      ),
  )
    .addHelpText('after', '\nExample:\n  $ hubfleet up -c examples/aws-dsosu.yaml --sim --yes')
    .action(async (options) => {
      const { upCommand } = await import('./commands/up.js');
      setExitCode(await upCommand(options));
    });

  withSim(
    program
      .command('status')
      .description(
        'the cluster, nodegroups (desired / actual nodes), tools and hubs, and whether all is ready',
      )
      .addOption(configOption())
      .addOption(outputOption()),
  )
    .addHelpText('after', '\nExample:\n  $ hubfleet status -c examples/aws-dsosu.yaml --sim --output json')
    .action(async (options) => {
      const { statusCommand } = await import('./commands/status.js');
      setExitCode(await statusCommand(options));
    });

  withSim(
    program
      .command('down')
      .description('delete the deployment; hub volumes follow storage.onDelete (kept unless --delete-data)')
      .addOption(configOption())
      .addOption(outputOption())
      .option('-y, --yes', 'do not ask for the deployment name (needed without a terminal)')
      .option(
        '--delete-data',
        "delete hub volumes whose storage.onDelete is snapshot or delete (and velero's bucket, a static IP, when every hub says delete)",
      )
      .option('--parallelism <n>', 'steps in progress at once (default 32)')
      .option('--timings <file>', "write every step's start, end and dependencies to this JSON file"),
  )
    .addHelpText('after', '\nExample:\n  $ hubfleet down -c examples/aws-dsosu.yaml --sim --yes')
    .action(async (options) => {
      const { downCommand } = await import('./commands/down.js');
      setExitCode(await downCommand(options));
    });

  withSim(
    program
      .command('kubeconfig')
      .description('add a context hubfleet-<deployment> to your kubeconfig (or write --out FILE, mode 0600)')
      .addArgument(
        new Argument(
          '[token]',
          "print an ExecCredential with a fresh token (what the context's exec entry runs)",
        ).choices(['token']),
      )
      .addOption(configOption())
      .option('--out <file>', 'write a kubeconfig with only this cluster here instead of merging')
      .option(
        '--force',
        'with --out: replace a file that is not a kubeconfig hubfleet wrote for this deployment',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ hubfleet kubeconfig -c hubfleet.yaml && kubectl get nodes\n  $ hubfleet kubeconfig token -c hubfleet.yaml',
    )
    .action(async (token: string | undefined, options) => {
      if (token !== undefined) {
        const { kubeconfigTokenCommand } = await import('./commands/kubeconfig-token.js');
        setExitCode(await kubeconfigTokenCommand(options));
        return;
      }
      const { kubeconfigCommand } = await import('./commands/kubeconfig.js');
      setExitCode(await kubeconfigCommand(options));
    });

  withSim(
    program
      .command('unlock')
      .description("break the deployment's lock left by a run that died (shows the holder, asks first)")
      .addOption(configOption())
      .option('-y, --yes', 'do not ask for the deployment name (needed without a terminal)'),
  )
    .addHelpText('after', '\nExample:\n  $ hubfleet unlock -c hubfleet.yaml')
    .action(async (options) => {
      const { unlockCommand } = await import('./commands/unlock.js');
      setExitCode(await unlockCommand(options));
    });
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('hubfleet')
    .description(
      'Provision JupyterHub-ready Kubernetes clusters on AWS, OpenStack, GKE and NeCTAR, and run many hubs on them from one file.',
    )
    .version(cliVersion(), '-V, --version')
    .addHelpText('after', EXAMPLES)
    .option('--no-color', 'no colour, even on a terminal (as NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.hook('preAction', (_program, command) => beforeEachCommand(program, command));

  program
    .command('validate')
    .description('check a config file offline: schema, cross-field rules, provider rules, secret references')
    .addOption(configOption())
    .addOption(outputOption())
    .option('--show-defaults', 'print the config with every default applied (secrets stay references)')
    .option('--no-check-secrets', 'do not check that secret references resolve on this machine')
    .addHelpText('after', '\nExample:\n  $ hubfleet validate -c examples/aws-dsosu.yaml')
    .action(async (options) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExitCode(await validateCommand(options));
    });

  program
    .command('render')
    .description(
      'write the helm releases, values and manifests `up` would install, offline, with no credentials',
    )
    .addOption(configOption())
    .requiredOption('--out <dir>', 'directory to write releases.json, values/ and manifests/ into')
    .option('--no-check-secrets', 'do not check that secret references resolve on this machine')
    .addHelpText('after', '\nExample:\n  $ hubfleet render -c examples/aws-dsosu.yaml --out rendered/')
    .action(async (options) => {
      const { renderCommand } = await import('./commands/render.js');
      setExitCode(await renderCommand(options));
    });

  addCloudCommands(program, setExitCode);

  program
    .command('schema')
    .description('print the JSON Schema of hubfleet.yaml (providers included) for editors')
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExitCode(await schemaCommand());
    });

  program
    .command('catalog')
    .description("list a provider's known machine types with CPU, memory, GPU and estimated price")
    .argument('<provider>', 'aws | openstack | gke | nectar')
    .addOption(outputOption())
    .action(async (kind: string, options) => {
      const { catalogCommand } = await import('./commands/catalog.js');
      setExitCode(await catalogCommand(kind, options));
    });

  program
    .command('version')
    .description('print the hubfleet version (and, with --output json, the Node.js version)')
    .addOption(outputOption())
    .action(async (options) => {
      const { versionCommand } = await import('./commands/version.js');
      setExitCode(versionCommand(cliVersion(), options));
    });

  program
    .command('completion')
    .description(
      'print a shell completion script: hubfleet completion bash > /etc/bash_completion.d/hubfleet',
    )
    .argument('<shell>', 'bash | zsh | fish')
    .addHelpText(
      'after',
      '\nExamples:\n  $ source <(hubfleet completion bash)\n  $ hubfleet completion zsh > ~/.zfunc/_hubfleet  # a folder on your $fpath\n  $ hubfleet completion fish > ~/.config/fish/completions/hubfleet.fish',
    )
    .action(async (shell: string) => {
      const { completionCommand } = await import('./commands/completion.js');
      setExitCode(completionCommand(shell, program));
    });

  const sim = program.command('sim').description('the simulated cloud: rehearse with no account');
  sim
    .command('serve')
    .description(
      "run a provider's simulated cloud (aws: EKS, EC2, IAM, STS, S3, Kubernetes API) and print its endpoints and credentials as one JSON line",
    )
    .option('--provider <kind>', 'the provider whose cloud to simulate', 'aws')
    .option('--region <region>', "the region to simulate (default: the simulator's own)")
    .option(
      '--state <dir>',
      'where the simulated cloud keeps its state (default: $HUBFLEET_SIM_DIR/<kind> or .hubfleet/sim/<kind>)',
    )
    .option('--speed <factor>', 'divide every modelled cloud duration by this', '1')
    .addHelpText('after', '\nExample:\n  $ hubfleet sim serve --provider aws --speed 1000')
    .action(async (options) => {
      const { simServeCommand } = await import('./commands/sim-serve.js');
      setExitCode(await simServeCommand(options));
    });

  return program;
}

/** Run the CLI and return the exit code; expected errors never print a stack trace. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (problem) {
    if (problem instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(problem.code) ? 0 : 2;
    }
    const { reportFailure } = await import('./report-failure.js');
    return reportFailure(problem);
  }
}
