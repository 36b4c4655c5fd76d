/** Functions allowed in formulas, with their arity ([min, max]); the generated Python implements each with numpy (data_processing._FUNCS). */
export const FORMULA_FUNCTIONS: Record<'log' | 'exp' | 'sqrt' | 'abs' | 'min' | 'max', [number, number]> = {
  log: [1, 1], exp: [1, 1], sqrt: [1, 1], abs: [1, 1], min: [2, 2], max: [2, 2],
};
