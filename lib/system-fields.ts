/**
 * Ids of the system fields every Amazon Connect Cases domain has (admin guide, "Case fields").
 * Use them wherever a field id is expected, e.g. a rule on the case status:
 * `CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('closed'), result: true })`.
 *
 * Their names ("Status", "Title", ...) are taken: a custom field with one of those names is refused
 * by the service, so declare rules on these ids instead of creating look-alike fields.
 */
export class SystemFieldId {
  /** Status of the case, a single-select field with the options `open` and `closed`. */
  public static readonly STATUS = 'status';
  /** Title of the case. */
  public static readonly TITLE = 'title';
  /** Summary of the case. */
  public static readonly SUMMARY = 'summary';
  /** The customer profile the case belongs to. */
  public static readonly CUSTOMER_ID = 'customer_id';
  /** Human-readable reference number. */
  public static readonly REFERENCE_NUMBER = 'reference_number';
  /** Reason the case was opened. */
  public static readonly CASE_REASON = 'case_reason';
  /** The user the case is assigned to. */
  public static readonly ASSIGNED_USER = 'assigned_user';
  /** The queue the case is assigned to. */
  public static readonly ASSIGNED_QUEUE = 'assigned_queue';
  /** When the case was created. */
  public static readonly CREATED_DATETIME = 'created_datetime';
  /** When the case was last updated. */
  public static readonly LAST_UPDATED_DATETIME = 'last_updated_datetime';
  /** When the case was last closed. */
  public static readonly LAST_CLOSED_DATETIME = 'last_closed_datetime';
  /** The case's id. */
  public static readonly CASE_ID = 'case_id';
  /** The user who last updated the case. */
  public static readonly LAST_UPDATED_USER = 'last_updated_user';

  /** Every system field id, in the order above. */
  public static readonly ALL: string[] = [
    SystemFieldId.STATUS, SystemFieldId.TITLE, SystemFieldId.SUMMARY, SystemFieldId.CUSTOMER_ID,
    SystemFieldId.REFERENCE_NUMBER, SystemFieldId.CASE_REASON, SystemFieldId.ASSIGNED_USER,
    SystemFieldId.ASSIGNED_QUEUE, SystemFieldId.CREATED_DATETIME, SystemFieldId.LAST_UPDATED_DATETIME,
    SystemFieldId.LAST_CLOSED_DATETIME, SystemFieldId.CASE_ID, SystemFieldId.LAST_UPDATED_USER,
  ];

  private constructor() {}
}
