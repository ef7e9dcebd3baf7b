import type { KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import { admitPlugins, DEFAULT_OPERATOR_LIMITS, PluginRefused, type OperatorLimits, type PluginAdmission } from '../runtime/plugins/admission.js';
import { createPluginHost, PluginCallFailed, type PluginHost } from '../runtime/plugins/plugin-host.js';
import type { SecurityLog } from '../runtime/security-log.js';
import type { ToolDefinition } from '../runtime/tool-definition.js';
import { pluginTools } from './plugin-tools.js';
import type { Services } from './services.js';

/** What the operator admits (docs/plugins.md, "Admitting a plugin"). */
export interface PluginOptions {
  /** `--plugin DIR[=LEVEL[,evidence][,workspace]]`, in order. */
  admissions: PluginAdmission[];
  /** `--plugin-trust KEY.pem`: publisher public keys. */
  trusted: KeyObject[];
  limits?: OperatorLimits;
  /** The store folder and key files: no plugin may be able to read them. */
  secretPaths?: string[];
}

export interface StartedPlugins {
  tools: ToolDefinition<unknown, unknown, Services>[];
  /** Tools whose manifest declares evidence and whose plugin the operator admitted as evidence. */
  releaseChecks: string[];
  hosts: PluginHost[];
  close(): Promise<void>;
}

/** Thrown when start-up refuses a plugin; the message is for the operator's terminal. */
export class PluginStartRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PluginStartRefused';
  }
}

/**
 * Admits every plugin, starts its process and checks it offers its manifest's tools; the first
 * refusal writes a security record under the plugin's principal (contract.md, "Audit evidence") and
 * stops start-up, so a server never runs with fewer plugins than the operator listed.
 */
export async function startPlugins(options: PluginOptions, workspaceRoot: string, securityLog: SecurityLog): Promise<StartedPlugins> {
  const refuse = async (code: string, subject: string, object: string, message: string): Promise<never> => {
    securityLog.record({ principal: subject, surface: 'cli', tool: 'plugin-admission', object, reason: code, request_id: '' });
    await securityLog.flush();
    throw new PluginStartRefused(code, `plugin refused (${code}): ${subject}: ${message}`);
  };
  let admitted;
  try {
    admitted = admitPlugins(options.admissions, {
      trusted: options.trusted,
      limits: options.limits ?? DEFAULT_OPERATOR_LIMITS,
      workspaceRoot,
      secretPaths: (options.secretPaths ?? []).map((p) => resolve(p)),
    });
  } catch (err) {
    if (err instanceof PluginRefused) return refuse(err.code, err.subject, '', err.message);
    throw err;
  }
  const hosts: PluginHost[] = [];
  const closeAll = async () => {
    await Promise.all(hosts.map((h) => h.close()));
  };
  const killAll = () => hosts.forEach((h) => h.killNow());
  process.once('exit', killAll);
  for (const plugin of admitted) {
    const host = createPluginHost(plugin, { workspaceRoot });
    hosts.push(host);
    try {
      await host.start();
    } catch (err) {
      await closeAll();
      if (err instanceof PluginCallFailed) return refuse(err.code, plugin.principal, '', err.message);
      throw err;
    }
  }
  const tools = pluginTools(hosts, { record: (d) => securityLog.record(d) });
  const releaseChecks = admitted.flatMap((p) => (p.admission.evidence ? p.manifest.tools.filter((t) => t.evidence && t.level !== 'read').map((t) => `plugin.${p.manifest.name}.${t.name}`) : []));
  return {
    tools,
    releaseChecks,
    hosts,
    close: async () => {
      process.removeListener('exit', killAll);
      await closeAll();
    },
  };
}
