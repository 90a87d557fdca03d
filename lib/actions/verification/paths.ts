/** Pages that show an application's verification state, to revalidate after a change. */
export function applicationPaths(applicationId: string): string[] {
  return ["/verifier", `/verifier/applications/${applicationId}`, `/enterprise/applications/${applicationId}`, "/notifications"];
}
