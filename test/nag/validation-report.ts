import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, AppProps, CloudFormationValidatePlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * Synthesizes apps under cdk-nag 3 (AwsSolutions) and aws-cdk-lib's own template validation
 * ("CloudFormation Validate"), and reads back what they found from the cloud assembly's
 * `validation-report.json`, plus the warning and error annotations of every stack.
 */

/** One finding on one construct. */
export interface Finding {
  readonly plugin: string;
  readonly rule: string;
  readonly severity: string;
  readonly constructPath: string;
}

/** A finding the library (or the app) acknowledged, with the reason it gave. */
export interface AcknowledgedFinding extends Finding {
  readonly reason: string;
  readonly acknowledgedAt: string;
}

export interface ValidationResult {
  /** Findings nobody acknowledged: what must stay empty. */
  readonly findings: Finding[];
  readonly acknowledged: AcknowledgedFinding[];
  /** Warning and error annotations in the assembly (e.g. deprecated APIs, CDK warnings). */
  readonly annotations: string[];
  /** Plugins that reported (a plugin that found nothing is absent from the report). */
  readonly pluginsReporting: string[];
}

/** A fresh app, writing into its own temporary directory, with both validation plugins registered. */
export function checkedApp(props: AppProps = {}): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-nag-')), ...props });
  // Registered explicitly (not left to the CDK_VALIDATION default) so that it always runs here.
  Validations.of(app).addPlugins(new CloudFormationValidatePlugin(), new AwsSolutionsChecks(app));
  return app;
}

/** Synthesizes `app` (made by `checkedApp`) and collects what the validations reported. */
export function validate(app: App): ValidationResult {
  let annotations: string[] = [];
  try {
    const assembly = app.synth();
    annotations = assembly.stacksRecursively.flatMap((stack) => stack.messages
      .filter((m) => m.level === 'warning' || m.level === 'error')
      .map((m) => `${m.level} at ${m.id}: ${String(m.entry.data)}`));
  } catch (error) {
    // Errors stop synthesis with "ValidationFailed"; the report is written before that.
    if (!String(error).includes('ValidationFailed')) throw error;
    annotations = ['synthesis failed: see findings'];
  }
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8')) as Report;
  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const plugin of report.pluginReports) {
    for (const v of plugin.violations) {
      for (const c of v.violatingConstructs) {
        findings.push({ plugin: plugin.pluginName, rule: v.ruleName, severity: v.severity, constructPath: c.constructPath });
      }
    }
    for (const v of plugin.suppressedViolations ?? []) {
      for (const c of v.violatingConstructs) {
        acknowledged.push({
          plugin: plugin.pluginName, rule: v.ruleName, severity: v.severity, constructPath: c.constructPath,
          reason: v.reason, acknowledgedAt: v.acknowledgedAt,
        });
      }
    }
  }
  return { findings, acknowledged, annotations, pluginsReporting: report.pluginReports.map((p) => p.pluginName) };
}

/** The parts of `validation-report.json` read here. */
interface Report {
  readonly pluginReports: Array<{
    readonly pluginName: string;
    readonly violations: ReportViolation[];
    readonly suppressedViolations?: Array<ReportViolation & { reason: string; acknowledgedAt: string }>;
  }>;
}

interface ReportViolation {
  readonly ruleName: string;
  readonly severity: string;
  readonly violatingConstructs: Array<{ constructPath: string }>;
}
