/** The version of the results file format this build writes and reads. */
const RESULTS_SCHEMA_VERSION = 1;

export { RESULTS_SCHEMA_VERSION as R };
