/**
 * A customers CSV for the column-role tests (issue 12), shaped like a real CRM export: an identifier, a
 * 2,000-level category, a signup date (3% missing), a free-text support note (15% of customers wrote
 * none) beside ordinary columns with missing values (income 6% empty), and an imbalanced churn target
 * (about 1 in 7) that depends on the ordinary columns and on what the note says.
 * Deterministic (a seeded generator), so runs and figures are comparable; `extras: false` writes the
 * same rows without the four role columns (the timing baseline).
 */
import { writeFileSync } from 'node:fs';

/** mulberry32: a small seeded generator; the fixture must not change between runs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CALM = ['thanks for the quick help with my invoice', 'the new dashboard looks great', 'how do I add a second user',
  'please update my billing address', 'love the mobile app', 'can I export my reports to excel'];
const ANGRY = ['the app is too slow and keeps crashing', 'this is too expensive for what I get, thinking of cancelling',
  'support never answered my ticket', 'I want to cancel my subscription', 'billing charged me twice again',
  'a competitor offers a cheaper plan'];

/** A support note: angrier the likelier the customer churns (words a TF-IDF vectoriser can pick up). */
function note(r: () => number, churned: boolean): string {
  const pool = r() < (churned ? 0.7 : 0.15) ? ANGRY : CALM;
  const first = pool[Math.floor(r() * pool.length)] as string;
  const second = CALM.concat(ANGRY)[Math.floor(r() * 12)] as string;
  return r() < 0.5 ? first : `${first}; also ${second} (ticket ${Math.floor(r() * 90_000) + 10_000})`;
}

/** Write `rows` customers to `path`; returns the header. */
export function writeCustomersCsv(path: string, rows: number, extras = true, levels = 2000): string[] {
  const r = rng(12);
  const header = [...(extras ? ['customer_id', 'signup', 'merchant', 'note'] : []), 'age', 'income', 'plan', 'churned'];
  const lines = [header.join(',')];
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < rows; i++) {
    const age = 18 + Math.floor(r() * 60);
    const income = Math.round(20_000 + r() * 80_000);
    const plan = ['basic', 'plus', 'pro'][Math.floor(r() * 3)] as string;
    const logit = -2.3 + 0.04 * (age - 45) - (income - 60_000) / 30_000 + (plan === 'basic' ? 0.8 : 0);
    const churned = r() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const signup = r() < 0.03 ? '' : new Date(start + Math.floor(r() * 1500) * 86_400_000).toISOString().slice(0, 10);
    const merchant = `m${String(Math.floor(r() * levels)).padStart(4, '0')}`;
    const id = `C${String(100000 + i)}`;
    // Drawn for every row (extras or not), so both variants hold the same customers.
    const text = r() < 0.15 ? '' : `"${note(r, churned === 1)}"`;
    const incomeCell = r() < 0.06 ? '' : income;
    lines.push([...(extras ? [id, signup, merchant, text] : []), age, incomeCell, plan, churned].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return header;
}

/** The spec over that CSV: roles declared when `extras`, one fast baseline, no tuning. */
export function customersSpec(extras = true, file = 'customers.csv'): string {
  return `project churn_roles {
  title   "Churn with identifier, date and many-level columns"
  problem classification
  target  churned
  metric  f1_score

  use lifecycle.domino_standard

  data file "${file}" {
${extras ? '    column customer_id id\n    column signup datetime\n    column merchant category\n    column note text\n' : ''}    column plan category
    target churned binary
  }

  features {
${extras ? '    encode merchant onehot\n' : ''}    encode plan onehot
    split test 20% stratify seed 7
  }

  models {
    baseline sklearn.logistic_regression
  }
}
`;
}
