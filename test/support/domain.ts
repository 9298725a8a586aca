import { FakeCases } from '../fake';

/** A fresh domain with fields and a layout, so tests never share state. `statusField` is the system field. */
export interface SeededDomain {
  readonly domainId: string;
  readonly statusField: string;
  readonly priorityField: string;
  readonly urgentField: string;
  readonly notesField: string;
  readonly layoutId: string;
  readonly otherLayoutId: string;
}

export function seedDomain(fake: FakeCases): SeededDomain {
  const domainId = fake.addDomain();
  return {
    domainId,
    statusField: 'status',
    priorityField: fake.addField(domainId, 'priority'),
    urgentField: fake.addField(domainId, 'urgent'),
    notesField: fake.addField(domainId, 'notes'),
    layoutId: fake.addLayout(domainId, 'layout-main'),
    otherLayoutId: fake.addLayout(domainId, 'layout-other'),
  };
}
