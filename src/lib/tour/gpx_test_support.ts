// Test-only: checks a GPX document against the structural rules of the GPX 1.1 schema, parsing with saxes.
// No XSD validator is available here, so the rules checked are encoded from the schema itself,
// https://www.topografix.com/GPX/1/1/gpx.xsd (element sequences and cardinalities of gpxType,
// metadataType, wptType, rteType, trkType, trksegType, linkType, personType, copyrightType, boundsType;
// required attributes; latitudeType [-90, 90], longitudeType [-180, 180); xsd:decimal / xsd:dateTime /
// xsd:gYear lexical forms; no attributes or elements the schema does not declare, outside <extensions>).

import { SaxesParser, type SaxesTagNS } from 'saxes';

const NS = 'http://www.topografix.com/GPX/1/1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A parsed element. */
export interface Node {
  name: string;
  uri: string;
  attrs: Map<string, string>;
  children: Node[];
  text: string;
  line: number;
}

type Seq = [name: string, min: number, max: number][];
const ANY = Number.POSITIVE_INFINITY;

const WPT: Seq = [
  ['ele', 0, 1],
  ['time', 0, 1],
  ['magvar', 0, 1],
  ['geoidheight', 0, 1],
  ['name', 0, 1],
  ['cmt', 0, 1],
  ['desc', 0, 1],
  ['src', 0, 1],
  ['link', 0, ANY],
  ['sym', 0, 1],
  ['type', 0, 1],
  ['fix', 0, 1],
  ['sat', 0, 1],
  ['hdop', 0, 1],
  ['vdop', 0, 1],
  ['pdop', 0, 1],
  ['ageofdgpsdata', 0, 1],
  ['dgpsid', 0, 1],
  ['extensions', 0, 1],
];
const ROUTE_HEAD: Seq = [
  ['name', 0, 1],
  ['cmt', 0, 1],
  ['desc', 0, 1],
  ['src', 0, 1],
  ['link', 0, ANY],
  ['number', 0, 1],
  ['type', 0, 1],
  ['extensions', 0, 1],
];

/** Complex types: child sequence and declared attributes (required ones marked with !). */
const COMPLEX: Record<string, { seq: Seq; attrs: string[] }> = {
  gpx: {
    seq: [
      ['metadata', 0, 1],
      ['wpt', 0, ANY],
      ['rte', 0, ANY],
      ['trk', 0, ANY],
      ['extensions', 0, 1],
    ],
    attrs: ['version!', 'creator!'],
  },
  metadata: {
    seq: [
      ['name', 0, 1],
      ['desc', 0, 1],
      ['author', 0, 1],
      ['copyright', 0, 1],
      ['link', 0, ANY],
      ['time', 0, 1],
      ['keywords', 0, 1],
      ['bounds', 0, 1],
      ['extensions', 0, 1],
    ],
    attrs: [],
  },
  wpt: { seq: WPT, attrs: ['lat!', 'lon!'] },
  rtept: { seq: WPT, attrs: ['lat!', 'lon!'] },
  trkpt: { seq: WPT, attrs: ['lat!', 'lon!'] },
  rte: { seq: [...ROUTE_HEAD, ['rtept', 0, ANY]], attrs: [] },
  trk: { seq: [...ROUTE_HEAD, ['trkseg', 0, ANY]], attrs: [] },
  trkseg: {
    seq: [
      ['trkpt', 0, ANY],
      ['extensions', 0, 1],
    ],
    attrs: [],
  },
  link: {
    seq: [
      ['text', 0, 1],
      ['type', 0, 1],
    ],
    attrs: ['href!'],
  },
  author: {
    seq: [
      ['name', 0, 1],
      ['email', 0, 1],
      ['link', 0, 1],
    ],
    attrs: [],
  },
  copyright: {
    seq: [
      ['year', 0, 1],
      ['license', 0, 1],
    ],
    attrs: ['author!'],
  },
  bounds: { seq: [], attrs: ['minlat!', 'minlon!', 'maxlat!', 'maxlon!'] },
  email: { seq: [], attrs: ['id!', 'domain!'] },
};

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATETIME =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
/** Simple-typed elements and their lexical check (strings accept any text). */
const SIMPLE: Record<string, (v: string) => boolean> = {
  ele: (v) => DECIMAL.test(v),
  time: (v) => DATETIME.test(v),
  magvar: (v) => DECIMAL.test(v) && +v >= 0 && +v < 360,
  geoidheight: (v) => DECIMAL.test(v),
  year: (v) => /^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$/.test(v),
  number: (v) => /^\+?\d+$/.test(v),
  sat: (v) => /^\+?\d+$/.test(v),
  fix: (v) => ['none', '2d', '3d', 'dgps', 'pps'].includes(v),
  hdop: (v) => DECIMAL.test(v),
  vdop: (v) => DECIMAL.test(v),
  pdop: (v) => DECIMAL.test(v),
  ageofdgpsdata: (v) => DECIMAL.test(v),
  dgpsid: (v) => /^\d+$/.test(v) && +v <= 1023,
};
const STRINGS = new Set(['name', 'cmt', 'desc', 'src', 'sym', 'type', 'keywords', 'text', 'license']);

function parse(xml: string): { root: Node | null; errors: string[] } {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on('error', (e) => errors.push(`not well-formed XML: ${e.message}`));
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs.set(a.uri === XSI ? `xsi:${a.local}` : a.local, a.value);
    }
    const node: Node = { name: tag.local, uri: tag.uri, attrs, children: [], text: '', line: parser.line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  try {
    parser.write(xml).close();
  } catch (e) {
    errors.push(`not well-formed XML: ${(e as Error).message}`);
  }
  return { root, errors };
}

function checkLatLon(n: Node, errors: string[]) {
  for (const [key, lo, hi, hiInclusive] of [
    ['lat', -90, 90, true],
    ['lon', -180, 180, false],
    ['minlat', -90, 90, true],
    ['maxlat', -90, 90, true],
    ['minlon', -180, 180, false],
    ['maxlon', -180, 180, false],
  ] as const) {
    const v = n.attrs.get(key);
    if (v === undefined) continue;
    const x = Number(v);
    if (!DECIMAL.test(v) || x < lo || (hiInclusive ? x > hi : x >= hi)) {
      errors.push(
        `line ${n.line}: <${n.name}> ${key}="${v}" is not a valid ${key.endsWith('lat') ? 'latitude' : 'longitude'}`,
      );
    }
  }
}

function checkNode(n: Node, errors: string[]) {
  if (n.uri !== NS) {
    errors.push(`line ${n.line}: <${n.name}> is not in the GPX 1.1 namespace (${n.uri || 'none'})`);
    return;
  }
  if (n.name === 'extensions') return; // lax: anything from other namespaces may go here
  const complex = COMPLEX[n.name];
  if (!complex) {
    if (n.children.length) errors.push(`line ${n.line}: <${n.name}> must contain text only`);
    if (n.attrs.size) errors.push(`line ${n.line}: <${n.name}> takes no attributes`);
    const check = SIMPLE[n.name];
    if (check && !check(n.text.trim()))
      errors.push(`line ${n.line}: <${n.name}> has an invalid value "${n.text}"`);
    if (!check && !STRINGS.has(n.name))
      errors.push(`line ${n.line}: <${n.name}> is not a GPX 1.1 element here`);
    return;
  }
  const declared = new Set(complex.attrs.map((a) => a.replace('!', '')));
  for (const a of complex.attrs) {
    if (a.endsWith('!') && !n.attrs.has(a.slice(0, -1)))
      errors.push(`line ${n.line}: <${n.name}> lacks the required attribute ${a.slice(0, -1)}`);
  }
  for (const a of n.attrs.keys()) {
    if (!declared.has(a) && !(n.name === 'gpx' && a.startsWith('xsi:')))
      errors.push(`line ${n.line}: <${n.name}> has an undeclared attribute ${a}`);
  }
  if (n.text.trim()) errors.push(`line ${n.line}: <${n.name}> must not contain text`);
  checkLatLon(n, errors);
  // Sequence matching: each child must appear at or after the current position of the sequence.
  let i = 0;
  let count = 0;
  for (const child of n.children) {
    while (i < complex.seq.length && (complex.seq[i] as Seq[number])[0] !== child.name) {
      const [name, min] = complex.seq[i] as Seq[number];
      if (count < min) errors.push(`line ${n.line}: <${n.name}> needs <${name}>`);
      i++;
      count = 0;
    }
    const spec = complex.seq[i];
    if (!spec) {
      errors.push(
        `line ${child.line}: <${child.name}> is not allowed in <${n.name}> here (order or unknown element)`,
      );
      // Restart matching after the offending child so that one misplacement is reported once.
      i = complex.seq.findIndex((s) => s[0] === child.name);
      if (i < 0) {
        i = complex.seq.length;
        continue;
      }
      count = 0;
    }
    count++;
    const max = (complex.seq[i] as Seq[number])[2];
    if (count > max) errors.push(`line ${child.line}: <${n.name}> allows at most ${max} <${child.name}>`);
    checkNode(child, errors);
  }
  for (let j = i; j < complex.seq.length; j++) {
    const [name, min] = complex.seq[j] as Seq[number];
    if ((j === i ? count : 0) < min) errors.push(`line ${n.line}: <${n.name}> needs <${name}>`);
  }
}

/** Every violation of the GPX 1.1 rules listed in the header found in `xml` (empty when it conforms). */
export function gpxSchemaErrors(xml: string): string[] {
  const { root, errors } = parse(xml);
  if (!root) return errors.length ? errors : ['no root element'];
  const r = root as Node;
  if (r.name !== 'gpx') errors.push(`the root element is <${r.name}>, not <gpx>`);
  if (r.attrs.get('version') !== '1.1')
    errors.push(`version is "${r.attrs.get('version') ?? ''}", not "1.1"`);
  if (r.attrs.has('creator') && !r.attrs.get('creator')?.trim()) errors.push('creator is empty');
  checkNode(r, errors);
  return errors;
}

/** The parsed document as plain data, for assertions on content. */
export function parseGpx(xml: string): Node {
  const { root, errors } = parse(xml);
  if (!root || errors.length) throw new Error(errors.join('; '));
  return root;
}

/** Children of a node with a local name. */
export function childrenNamed(n: Node, name: string): Node[] {
  return n.children.filter((c) => c.name === name);
}
