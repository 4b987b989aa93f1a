export { AuditLog, type AuditAction, type AuditDetail, type AuditEvent } from './audit-log.js';
export { type AuditVerdict, verifyChain, chainMac, headMac, GENESIS_MAC } from './audit-chain.js';
