/** Pages that show a certificate's status, refreshed after every change. */
export function certificatePaths(number: string): string[] {
  return ["/enterprise", "/verifier/certificates", "/regulator/certificates", "/registry", `/labels/${number}`];
}
