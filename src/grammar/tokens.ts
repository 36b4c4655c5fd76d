/**
 * Token vocabulary of the `.pipeline` language and the one shared lexer instance.
 *
 * Numbers are lexed greedily together with any letters/dots/`%` glued to them (`50MB`, `1.5GB`, `1__0`)
 * so that malformed numbers and unknown unit suffixes are reported as ONE token with a precise message
 * (literals.ts validates them) instead of as a confusing sequence of tokens.
 * `MapOpen`/`MapClose` have no pattern: the bracket pass (brackets.ts) retypes `{`/`}` that delimit a map.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { BUNDLED } from './build-flags.js';

/**
 * Token categories let the parser CONSUME "any of these" and keep source order in the CST.
 * BinaryOp: every binary operator (the parser reads a flat chain, to-syntax.ts applies precedence).
 */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: Lexer.NA });
/** Any token that cannot start a statement (a line starting with one is reported and skipped). */
export const JunkStart = createToken({ name: 'JunkStart', pattern: Lexer.NA });
/** Any token that may appear inside a skipped (junk) line. */
export const JunkToken = createToken({ name: 'JunkToken', pattern: Lexer.NA });

const junk = [JunkStart, JunkToken];

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\uFEFF]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'end of line' });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, label: '`;`' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [JunkToken],
  label: 'a name',
});
/** `metric.f1_score`: one token, so a keyword can never be dotted and names carry no inner spaces. */
export const DottedName = createToken({
  name: 'DottedName',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+/,
  categories: junk,
  label: 'a dotted name',
});
export const And = createToken({ name: 'And', pattern: /and/, longer_alt: Identifier, categories: [BinaryOp, ...junk], label: '`and`' });
export const Or = createToken({ name: 'Or', pattern: /or/, longer_alt: Identifier, categories: [BinaryOp, ...junk], label: '`or`' });
export const Not = createToken({ name: 'Not', pattern: /not/, longer_alt: Identifier, categories: junk, label: '`not`' });

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: junk,
  label: 'a string',
});
/** A string with no closing quote on its line; reported, then parsed as a string so recovery goes on. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: junk,
  label: 'a string',
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /[0-9][0-9A-Za-z_.]*%?/,
  categories: junk,
  label: 'a number',
});

export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [BinaryOp, ...junk], label: '`==`' });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=/, categories: [BinaryOp, ...junk], label: '`!=`' });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=/, categories: [BinaryOp, ...junk], label: '`<=`' });
export const GtEq = createToken({ name: 'GtEq', pattern: />=/, categories: [BinaryOp, ...junk], label: '`>=`' });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [BinaryOp, ...junk], label: '`<`' });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [BinaryOp, ...junk], label: '`>`' });
export const Assign = createToken({ name: 'Assign', pattern: /=/, categories: [BinaryOp, ...junk], label: '`=`' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [BinaryOp, ...junk], label: '`+`' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [BinaryOp, ...junk], label: '`-`' });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [BinaryOp, ...junk], label: '`*`' });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [BinaryOp, ...junk], label: '`/`' });
export const Caret = createToken({ name: 'Caret', pattern: /\^/, categories: [BinaryOp, ...junk], label: '`^`' });

export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: junk, label: '`,`' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, categories: junk, label: '`:`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, categories: junk, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, categories: junk, label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, categories: junk, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, categories: junk, label: '`]`' });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/, label: '`{`' });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/, label: '`}`' });
export const MapOpen = createToken({ name: 'MapOpen', pattern: Lexer.NA, categories: junk, label: '`{`' });
export const MapClose = createToken({ name: 'MapClose', pattern: Lexer.NA, categories: junk, label: '`}`' });

/** Order matters: longer operators first, dotted names before keywords/identifiers, strings before unterminated. */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  Newline,
  Semicolon,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  DottedName,
  And,
  Or,
  Not,
  Identifier,
  EqEq,
  NotEq,
  LtEq,
  GtEq,
  Lt,
  Gt,
  Assign,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  Comma,
  Colon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LCurly,
  RCurly,
  MapOpen,
  MapClose,
  BinaryOp,
  JunkStart,
  JunkToken,
];

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_'];
const DIGITS = [...'0123456789'];

/**
 * First characters each pattern can match. chevrotain would otherwise work them out (and whether a
 * pattern can span lines) by parsing every regular expression each time the lexer is built, which is a
 * measurable share of `pipec check` start-up. test/grammar/lexer-hints.test.ts checks this table against
 * chevrotain's own analysis, so it cannot drift from the patterns.
 */
export const START_CHARS: ReadonlyMap<TokenType, readonly string[]> = new Map<TokenType, readonly string[]>([
  [WhiteSpace, [' ', '\t', '\uFEFF']],
  [Comment, ['#']],
  [Newline, ['\r', '\n']],
  [Semicolon, [';']],
  [StringLiteral, ['"']],
  [UnterminatedString, ['"']],
  [NumberLiteral, DIGITS],
  [DottedName, LETTERS],
  [And, ['a']],
  [Or, ['o']],
  [Not, ['n']],
  [Identifier, LETTERS],
  [EqEq, ['=']],
  [NotEq, ['!']],
  [LtEq, ['<']],
  [GtEq, ['>']],
  [Lt, ['<']],
  [Gt, ['>']],
  [Assign, ['=']],
  [Plus, ['+']],
  [Minus, ['-']],
  [Star, ['*']],
  [Slash, ['/']],
  [Caret, ['^']],
  [Comma, [',']],
  [Colon, [':']],
  [LParen, ['(']],
  [RParen, [')']],
  [LBracket, ['[']],
  [RBracket, [']']],
  [LCurly, ['{']],
  [RCurly, ['}']],
]);
for (const [type, chars] of START_CHARS) {
  // Same effect as `start_chars_hint` / `line_breaks` in createToken; only Newline spans lines.
  Object.assign(type, { START_CHARS_HINT: chars, LINE_BREAKS: type === Newline });
}

/** Created once: building a chevrotain lexer validates every pattern, which is too slow to repeat per file. */
export const pipelineLexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'full',
  ensureOptimizations: true,
  // Token-pattern validation only matters when tokens change; the tests run it (see build-flags.ts).
  skipValidations: BUNDLED,
  lineTerminatorsPattern: /\r\n|\r|\n/g,
  lineTerminatorCharacters: ['\n', '\r'],
});
