import type { Entry } from '../domain/entries.js';
import type { Organization } from '../domain/organizations.js';
import type { Store } from '../store/store.js';
import type { DataVersion } from './data-version.js';
import { PerVersion } from './per-version.js';

/** A person of a program as readers may see them: the address and phone only when the person is marked public. */
export interface ProgramContact {
  name: string;
  /** co-chair, director, contact, … (PERSON_ROLES) */
  role: string;
  position: string | null;
  email: string | null;
  phone: string | null;
}

/** A committee of a program (one per partner country) with its people. */
export interface ProgramCommittee {
  id: number;
  title: string;
  country: string | null;
  about: string | null;
  people: ProgramContact[];
}

/** An organization that runs the home's program: its committees, and its people who sit on none. */
export interface HomeProgram {
  org: Pick<Organization, 'id' | 'slug' | 'name'>;
  committees: ProgramCommittee[];
  /** people of no committee (director, office contact, …) */
  people: ProgramContact[];
}

/** the order a reader looks for someone to ask in */
const ROLE_ORDER = ['contact', 'chair', 'co-chair', 'director', 'secretary', 'treasurer', 'member'];

function contactOf(person: Entry): ProgramContact {
  const d = person.data;
  const shown = d.public === true;
  const str = (x: unknown) => (typeof x === 'string' && x ? x : null);
  return {
    name: person.title,
    role: String(d.role ?? 'member'),
    position: str(d.position),
    email: shown ? str(d.email) : null,
    phone: shown ? str(d.phone) : null,
  };
}

const byRole = (x: ProgramContact, y: ProgramContact) =>
  ROLE_ORDER.indexOf(x.role) - ROLE_ORDER.indexOf(y.role) || x.name.localeCompare(y.name);

/**
 * In home mode: the organizations whose home is the site's home, with their committees and people, made once
 * per content version. The header links to the organization; partners' pages name the committee for their
 * country and whom to ask. Private contact details never leave this service.
 */
export class HomeProgramService {
  private readonly made = new Map<string, PerVersion<HomeProgram[], string>>();

  constructor(
    private readonly store: Store,
    private readonly version: DataVersion,
  ) {}

  /** The organizations that run the home's program, oldest first. */
  async of(homeId: string): Promise<HomeProgram[]> {
    let cached = this.made.get(homeId);
    if (!cached) {
      cached = new PerVersion(this.version, () => this.make(homeId), 'stamp');
      this.made.set(homeId, cached);
    }
    return cached.get();
  }

  /**
   * The program as a partner in this country sees it: each organization with only its committee for the country
   * (none when it has no such committee), and its people of no committee.
   */
  async forCountry(homeId: string, country: string | null): Promise<HomeProgram[]> {
    return (await this.of(homeId)).map((p) => ({
      ...p,
      committees: p.committees.filter((c) => country !== null && c.country === country).slice(0, 1),
    }));
  }

  private async make(homeId: string): Promise<HomeProgram[]> {
    const orgs = (await this.store.orgs.withHomeIn([homeId])).sort((x, y) => x.id - y.id);
    return Promise.all(
      orgs.map(async (org) => {
        const [committees, people] = await Promise.all([
          this.store.entries.ofOrg(org.id, 'committee'),
          this.store.entries.ofOrg(org.id, 'person'),
        ]);
        const ids = new Set(committees.map((c) => c.id));
        const inCommittee = (id: number) =>
          people
            .filter((p) => p.data.committee === id)
            .map(contactOf)
            .sort(byRole);
        return {
          org: { id: org.id, slug: org.slug, name: org.name },
          committees: committees
            .map((c) => ({
              id: c.id,
              title: c.title,
              country: typeof c.data.country === 'string' ? c.data.country : null,
              about: typeof c.data.about === 'string' && c.data.about ? c.data.about : null,
              people: inCommittee(c.id),
            }))
            .sort((x, y) => x.title.localeCompare(y.title)),
          people: people
            .filter((p) => typeof p.data.committee !== 'number' || !ids.has(p.data.committee))
            .map(contactOf)
            .sort(byRole),
        };
      }),
    );
  }
}
