// Every table of every domain, for Drizzle's relational typing and drizzle-kit.
export * from './platform/tables';
export * from './domains/org/tables';
export * from './domains/calendar/tables';
export * from './domains/people/tables';
export * from './domains/auth/tables';
export * from './domains/cases/tables';
export * from './domains/workorders/tables';
export * from './domains/followups/tables';
export * from './domains/deadlines/tables';
export * from './domains/notifications/tables';
export * from './domains/faq/tables';
export * from './domains/files/tables';
export * from './domains/paid/tables';
export * from './domains/complaints/tables';
export * from './domains/kpi/tables';
export * from './domains/archives/tables';
export * from './domains/inspections/tables';
