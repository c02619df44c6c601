/**
 * Files of one JSON record per question, as two tools write their results:
 * - rStar-Math's `main.py` writes the question's record from the question-and-answer file
 *   (`question`, `answer`, and whatever else it held) with the search's states under `rstar`
 *   (`d["rstar"] = jsonlines[question]`, where `Solver.output` maps each question to
 *   `agent.return_states()`);
 * - search-and-learn saves its dataset rows (`problem`, `answer`) with the columns its search
 *   added (`completions`, `scores`, `pred`: searchAndLearn.ts).
 *
 * Source: microsoft/rStar, rStar-Math branch, `main.py` and `rstar_deepthink/solver.py`
 * (`output`), https://github.com/microsoft/rStar; read here through copies indexed from public
 * forks of that code.
 */

/** One question's record from the file. */
export interface RStarRecord {
  /** The tool whose record it is. */
  tool: 'rstar-math' | 'search-and-learn';
  /** The question, as the record gives it ('' when it has none). */
  question: string;
  /** The record's reference answer, when it has one. */
  answer: string | null;
  /** rStar-Math's states, or search-and-learn's whole row (checked later by its schema). */
  states: unknown;
  /** Where the record is, for messages: "line 3". */
  where: string;
}

/** What the picker lists for each record of a many-record file. */
export interface RecordChoice {
  question: string;
  /** The tagged states in the record: the tree's node count. */
  nodes: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A record's fields, or null when the value is neither tool's record. */
export function recordOf(value: unknown, where: string): RStarRecord | null {
  if (!isObject(value)) return null;
  const answer = value.answer;
  if (!isObject(value.rstar)) {
    if (!Array.isArray(value.completions) || !Array.isArray(value.scores)) return null;
    return {
      tool: 'search-and-learn',
      question: typeof value.problem === 'string' ? value.problem : '',
      answer:
        typeof answer === 'string' ? answer : typeof answer === 'number' ? String(answer) : null,
      states: value,
      where,
    };
  }
  return {
    tool: 'rstar-math',
    question: typeof value.question === 'string' ? value.question : '',
    answer:
      typeof answer === 'string' ? answer : typeof answer === 'number' ? String(answer) : null,
    states: value.rstar,
    where,
  };
}

/**
 * The records of a JSON-lines text where every non-empty line is an rStar-Math record; null
 * when the text is not that (a line that is not JSON, or not a record).
 * @param parse the JSON reader (the importer's, which also reads Python's NaN)
 */
export function rstarRecords(
  text: string,
  parse: (line: string) => { ok: true; value: unknown } | { ok: false; error: string },
): RStarRecord[] | null {
  const records: RStarRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const value = parse(line);
    if (!value.ok) return null;
    const record = recordOf(value.value, `line ${i + 1}`);
    if (!record || (records[0] && records[0].tool !== record.tool)) return null;
    records.push(record);
  }
  return records.length > 0 ? records : null;
}

/** The picker's list: each record's question and node count (`count` reads a record). */
export function recordChoices(
  records: readonly RStarRecord[],
  count: (record: RStarRecord) => number,
): RecordChoice[] {
  return records.map((r) => ({ question: r.question, nodes: count(r) }));
}

/** Strips `\boxed{…}`, `$…$`, spaces and a trailing period from an answer. */
function plain(answer: string): string {
  let a = answer.trim();
  const boxed = /^\\boxed\{(.*)\}$/s.exec(a);
  if (boxed) a = boxed[1] as string;
  return a
    .replace(/^\$+|\$+$/g, '')
    .replace(/\s+/g, '')
    .replace(/\.$/, '');
}

/**
 * Whether a final answer equals the reference: as numbers when both read as numbers (`3` and
 * `3.0`, `1,000` and `1000`), else as text with spaces, `$` and `\boxed{}` taken away.
 * rStar-Math's own check (`math_equal`, with sympy) also equates expressions; Arbor does not,
 * so `1/2` against `0.5` counts as different.
 */
export function sameAnswer(answer: string, reference: string): boolean {
  const a = plain(answer);
  const b = plain(reference);
  const num = (s: string) => (/^-?[\d,]*\.?\d+$/.test(s) ? Number(s.replace(/,/g, '')) : NaN);
  const x = num(a);
  const y = num(b);
  if (!Number.isNaN(x) && !Number.isNaN(y))
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  return a === b;
}
