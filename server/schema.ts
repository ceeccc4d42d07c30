// Every table of every domain, for Drizzle's relational typing and drizzle-kit.
export * from './platform/tables';
export * from './domains/org/tables';
export * from './domains/calendar/tables';
export * from './domains/people/tables';
export * from './domains/auth/tables';
