/**
 * The `module` of the built-in calibration workload (`calibration: true` in the config). On its
 * own, without imports: the js worker needs it, and each worker loading the config schemas
 * (zod, some 270 KB) on start added about a second per round on a loaded 2-core machine.
 */
export const CALIBRATION_MODULE = 'perfgate:calibration'
