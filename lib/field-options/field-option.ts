/** One option of a SingleSelect field, as `FieldOptions` declares it. */
export interface FieldOption {
  /** What agents see (1-100 characters, one line, not ending in white space). */
  readonly name: string;

  /**
   * What the case stores and what case rules compare with (1-100 characters, one line, not ending
   * in white space). Identifies the option: unique within the field, and changing it makes
   * another option.
   */
  readonly value: string;

  /**
   * Whether agents can pick the option. An inactive option stays on the field (the Cases API has
   * no delete) and keeps its value on existing cases.
   *
   * @default true
   */
  readonly active?: boolean;
}
