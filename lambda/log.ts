/**
 * Structured logs: one JSON object per line, so CloudWatch Logs Insights can filter on any field.
 * Never log the ResponseURL (a presigned URL that lets anyone answer for the stack), the whole
 * event or the whole properties: callers pass only the fields listed in `LogFields`.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogFields {
  readonly requestType?: string;
  readonly resourceType?: string;
  readonly logicalResourceId?: string;
  readonly domainId?: string;
  readonly caseRuleId?: string;
  readonly templateId?: string;
  readonly fieldId?: string;
  readonly count?: number;
  readonly operation?: string;
  readonly attempt?: number;
  readonly delayMs?: number;
  readonly error?: string;
  readonly status?: string;
  readonly elapsedMs?: number;
}

export class Logger {
  constructor(private readonly base: LogFields = {}) {}

  /** A logger that adds `fields` to every line (later fields win). */
  public with(fields: LogFields): Logger {
    return new Logger({ ...this.base, ...fields });
  }

  public info(message: string, fields: LogFields = {}): void {
    this.write('info', message, fields);
  }

  public warn(message: string, fields: LogFields = {}): void {
    this.write('warn', message, fields);
  }

  public error(message: string, fields: LogFields = {}): void {
    this.write('error', message, fields);
  }

  private write(level: LogLevel, message: string, fields: LogFields): void {
    console.log(JSON.stringify({ level, message, ...this.base, ...fields }));
  }
}
