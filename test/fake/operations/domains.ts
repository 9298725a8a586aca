import { CasesStore } from '../store/cases-store';
import { paginate } from '../store/pagination';
import { copyTags, OperationHandler } from './operation';

/** Domains are seeded (`FakeCases.addDomain`, or the simulator's AWS::Cases::Domain); the API reads them. */
export const domainOperations: Record<string, OperationHandler> = {
  GetDomain(store: CasesStore, input: { domainId: string }) {
    const { domain } = store.domain(input.domainId);
    return {
      domainId: domain.record.domainId,
      domainArn: domain.record.domainArn,
      name: domain.record.name,
      createdTime: domain.createdTime,
      domainStatus: 'Active',
      tags: copyTags(domain.record.tags),
    };
  },

  ListDomains(store: CasesStore, input: { maxResults?: number; nextToken?: string }) {
    const live = store.allDomains().map(({ domain }) => domain).filter(({ record }) => !record.deleted);
    const { page, nextToken } = paginate(live, 'ListDomains', input.maxResults, input.nextToken, 10);
    const domains = page.map(({ record }) => ({ domainId: record.domainId, domainArn: record.domainArn, name: record.name }));
    return { domains, ...(nextToken ? { nextToken } : {}) };
  },
};
