/** What a delegated sign-in's JSON columns hold (`oauth_sign_ins`), as the store reads them. Imports nothing of the store, so the store can import it. */
import { z } from 'zod';

/** The sealed device code or PKCE verifier (none for a sign-in that failed at once). */
export const signInSealedSchema = z.object({ deviceCode: z.string().optional(), codeVerifier: z.string().optional() });
/** What the user is shown (device code) or the flow needs later (redirect URI). */
export const signInDetailsSchema = z.object({ userCode: z.string().optional(), verificationUri: z.string().optional(), message: z.string().optional(), redirectUri: z.string().optional() });
export const signInResultSchema = z.object({ account: z.string().optional(), detail: z.string().optional() });
export type SignInSealed = z.infer<typeof signInSealedSchema>;
export type SignInDetails = z.infer<typeof signInDetailsSchema>;
export type SignInResult = z.infer<typeof signInResultSchema>;
