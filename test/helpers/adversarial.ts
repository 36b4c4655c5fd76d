/** Strings that break naive escaping in at least one target language (shared by emit tests). */
export const ADVERSARIAL: readonly string[] = [
  'Quote " and \' and """triple""" and \'\'\'',
  'Back\\slash \\n literal and trailing \\',
  'Handlebars {{ title }} and {{{raw}}} and }}',
  '</script><script>alert(1)</script> & <b>',
  'line one\nline two\r\nline three\ttab',
  'unicode: café ✓ 日本語 😀 \u2028 \u2029 \u0085 \u0000 \u007f \ufeff',
  'f-string {x} %s ${y} `code` *bold* _u_ [link](x) # head | pipe',
  'lone surrogate \ud800 end',
];

/** One title combining the hardest cases, for whole-project tests. */
export const ADVERSARIAL_TITLE = 'Risk "model" """v2""" {{ title }} </script> \\ end\nsecond line — café 😀 `x` | y';
