/** The roles that let a member act for others on a priority. */
export type ActorRole = 'facilitator' | 'lead';

/** Who acts, with the roles they hold; the app says who facilitates, the assignments say who leads (`actingAs`). */
export type Actor = { readonly memberId: string; readonly roles: readonly ActorRole[] };

/** True when the actor holds any of the roles. */
export function hasAnyRole(actor: Actor, ...roles: readonly ActorRole[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
