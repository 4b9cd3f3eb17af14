/** What every control dialog takes: the rigs it acts on, how to close, and the job it started. */
export type DialogProps = {
  rigIds: readonly string[];
  onClose: () => void;
  onStarted: (jobId: string) => void;
};
