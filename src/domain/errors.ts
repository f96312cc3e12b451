/** An error caused by the user's input (a missing file, a rejected registry): printed without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}
