/** One problem in one language, as the catalogue's texts write it. */
export interface ProblemText {
  title: string;
  explanation: string;
  fix: string;
}
