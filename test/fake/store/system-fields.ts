import { FieldOptionRecord, FieldType } from './records';

export interface SystemFieldDefinition {
  readonly fieldId: string;
  readonly name: string;
  readonly type: FieldType;
  readonly options?: readonly FieldOptionRecord[];
}

/**
 * The system fields every Cases domain has, with their fixed ids (admin guide, "Case fields";
 * cases-api-notes §10). Ids and names are documented; the types of `customer_id`,
 * `assigned_user`, `assigned_queue`, `case_id` and `last_updated_user` are inferences (see
 * test/deploy/README.md), as are the option names "Open" and "Closed".
 */
export const SYSTEM_FIELDS: readonly SystemFieldDefinition[] = [
  {
    fieldId: 'status',
    name: 'Status',
    type: 'SingleSelect',
    options: [{ name: 'Open', value: 'open', active: true }, { name: 'Closed', value: 'closed', active: true }],
  },
  { fieldId: 'title', name: 'Title', type: 'Text' },
  { fieldId: 'summary', name: 'Summary', type: 'Text' },
  { fieldId: 'customer_id', name: 'Customer', type: 'Text' },
  { fieldId: 'reference_number', name: 'Reference number', type: 'Text' },
  { fieldId: 'case_reason', name: 'Case reason', type: 'SingleSelect' },
  { fieldId: 'assigned_user', name: 'Assigned user', type: 'Text' },
  { fieldId: 'assigned_queue', name: 'Assigned queue', type: 'Text' },
  { fieldId: 'created_datetime', name: 'Created date/time', type: 'DateTime' },
  { fieldId: 'last_updated_datetime', name: 'Last updated date/time', type: 'DateTime' },
  { fieldId: 'last_closed_datetime', name: 'Last closed date/time', type: 'DateTime' },
  { fieldId: 'case_id', name: 'Case id', type: 'Text' },
  { fieldId: 'last_updated_user', name: 'Last updated user', type: 'Text' },
];

/** System fields whose options BatchPutFieldOptions refuses to change (an inference, see the README). */
export const FIXED_OPTION_FIELDS: ReadonlySet<string> = new Set(['status']);
