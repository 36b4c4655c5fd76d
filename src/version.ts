/** The compiler version; stamped into generated manifests (never a timestamp). */
export const PIPEC_VERSION = '0.1.0';
