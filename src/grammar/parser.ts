/**
 * The grammar of `.pipeline` files, as a chevrotain CST parser. Grammar only: the CST is turned into the
 * syntax tree of syntax.ts by to-syntax.ts. Input comes from the bracket pass (brackets.ts), so brackets
 * are balanced and newlines inside `()`, `[]` and maps are already gone.
 *
 *   file         := statementList
 *   statementList:= ( statement | NEWLINE | ';' | orphanBlock | junkLine )*
 *   statement    := Identifier argGroup* block?
 *   argGroup     := argItem ( ',' argItem )*          -- more than one item: a bare list
 *   argItem      := ( Identifier ':' )? expression      -- with the key: a pair
 *   expression   := operand ( BinaryOp operand )*     -- precedence applied in to-syntax.ts:
 *                   `=` < or < and < comparisons < + - < * / < prefix - not < ^ (right-assoc)
 *   operand      := ('-' | 'not')* ( Number | String | name call? | '(' expression ')' | list | map )
 *   call         := '(' (expression (',' expression)* ','?)? ')'   -- only when `(` touches the name
 *   list         := '[' (expression (',' expression)* ','?)? ']'
 *   map          := MapOpen mapEntry (','? mapEntry)* ','? MapClose
 *   mapEntry     := (Identifier | String) ':' expression
 *   block        := '{' statementList '}'
 *   junkLine     := JunkStart (JunkToken | block)*     -- a line that cannot be a statement; reported
 */
import { CstParser } from 'chevrotain';
import { BUNDLED } from './build-flags.js';
import * as T from './tokens.js';

/** The pipeline grammar. One instance is created and reused (construction analyses the whole grammar). */
export class PipelineParser extends CstParser {
  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: true, nodeLocationTracking: 'none', maxLookahead: 3, skipValidations: BUNDLED });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', () => {
    this.SUBRULE(this.statementList);
  });

  public statementList = this.RULE('statementList', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.CONSUME(T.Newline) },
        { ALT: () => this.CONSUME(T.Semicolon) },
        { ALT: () => this.SUBRULE(this.orphanBlock) },
        { ALT: () => this.SUBRULE(this.junkLine) },
      ]);
    });
  });

  public statement = this.RULE('statement', () => {
    this.CONSUME(T.Identifier, { LABEL: 'keyword' });
    this.MANY(() => this.SUBRULE(this.argGroup));
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public block = this.RULE('block', () => {
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.statementList);
    this.CONSUME(T.RCurly);
  });

  /** A block on a line of its own (its statement's `{` must be on the statement's line). */
  public orphanBlock = this.RULE('orphanBlock', () => {
    this.SUBRULE(this.block);
  });

  /** A line that cannot start a statement: consumed up to the end of the line, reported by to-syntax. */
  public junkLine = this.RULE('junkLine', () => {
    this.CONSUME(T.JunkStart);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.JunkToken) }, { ALT: () => this.SUBRULE(this.block) }]);
    });
  });

  public argGroup = this.RULE('argGroup', () => {
    this.SUBRULE(this.argItem);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.argItem);
    });
  });

  public argItem = this.RULE('argItem', () => {
    this.OPTION(() => {
      this.CONSUME(T.Identifier, { LABEL: 'pairKey' });
      this.CONSUME(T.Colon);
    });
    this.SUBRULE(this.expression);
  });

  /**
   * A flat operator chain; precedence and associativity are applied by to-syntax.ts (precedence
   * climbing). One rule instead of one per level keeps the CST small: parsing 10k statements allocates
   * several times fewer nodes, which is most of the parse time.
   */
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.operand);
    this.MANY(() => {
      this.CONSUME(T.BinaryOp, { LABEL: 'op' });
      this.SUBRULE2(this.operand);
    });
  });

  /**
   * Prefix operators (`-`, `not`) applied to a primary value: number, string, name or call, `(...)`, list
   * or map. Names and calls are inlined here (not separate rules) because every rule invocation costs a
   * CST node and this is the hottest rule of the grammar.
   */
  public operand = this.RULE('operand', () => {
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Minus, { LABEL: 'prefix' }) }, { ALT: () => this.CONSUME(T.Not, { LABEL: 'prefix' }) }]);
    });
    this.OR2([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.OR3([{ ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) }, { ALT: () => this.CONSUME(T.DottedName, { LABEL: 'name' }) }]);
          // A call's `(` touches the name: `f(x)` is a call, `f (x)` is two arguments. This keeps
          // `column a int (x + 1) * 2`-style argument lists unambiguous for users and for the formatter.
          this.OPTION({
            GATE: () => this.LA(1).startOffset === (this.LA(0).endOffset ?? Number.NaN) + 1,
            DEF: () => {
              this.CONSUME(T.LParen);
              this.OPTION2(() => {
                this.SUBRULE(this.expression, { LABEL: 'callArg' });
                this.MANY2(() => {
                  this.CONSUME(T.Comma);
                  this.SUBRULE2(this.expression, { LABEL: 'callArg' });
                });
                this.OPTION3(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
              });
              this.CONSUME(T.RParen);
            },
          });
        },
      },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.map) },
    ]);
  });

  public parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  public list = this.RULE('list', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.expression);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
    });
    this.CONSUME(T.RBracket);
  });

  public map = this.RULE('map', () => {
    this.CONSUME(T.MapOpen);
    this.SUBRULE(this.mapEntry);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      this.SUBRULE2(this.mapEntry);
    });
    this.OPTION2(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
    this.CONSUME(T.MapClose);
  });

  public mapEntry = this.RULE('mapEntry', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier, { LABEL: 'key' }) }, { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'key' }) }]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });
}

/** The single shared parser instance; reset per parse by setting `input`. */
export const pipelineParser = new PipelineParser();

