/**
 * Brazilian CPF check digits (Receita Federal, "Cadastro de Pessoas Físicas" algorithm): two
 * mod-11 digits over the first nine; all-equal numbers (111.111.111-11) are invalid by rule.
 */
export function cpfValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  const checkDigit = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return checkDigit(9) === Number(digits[9]) && checkDigit(10) === Number(digits[10]);
}
