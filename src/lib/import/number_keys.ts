// The message for each reason a number is refused (see number.ts).

import type { MessageKey } from '../i18n';
import type { NumberProblem } from './number';

export const NUMBER_KEY: Record<Exclude<NumberProblem, 'text'>, MessageKey> = {
  hex: 'import.err.number_hex',
  not_finite: 'import.err.number_not_finite',
  overflow: 'import.err.number_overflow',
  comma: 'import.err.number_comma',
  too_long: 'import.err.number_too_long',
};
