/** Types of the parts of pidusage 4 that the runner uses (the package ships none). */
declare module 'pidusage' {
  /** One process's usage; `memory` is RSS in bytes. */
  export interface Status {
    cpu: number;
    memory: number;
    ppid: number;
    pid: number;
    ctime: number;
    elapsed: number;
    timestamp: number;
  }
  function pidusage(pid: number | string): Promise<Status>;
  namespace pidusage {
    function clear(): void;
  }
  export default pidusage;
}
